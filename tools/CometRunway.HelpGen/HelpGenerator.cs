namespace CometRunway.HelpGen;

/// <summary>
/// From <c>docs/en-US</c> to the files PowerShell reads: every cmdlet page into one MAML file, every about_ topic
/// into a .help.txt. Same input, byte-identical output.
/// </summary>
public static class HelpGenerator
{
    public const string MamlFileName = "CometRunway.PowerShell.dll-Help.xml";

    /// <summary>The output files (name to content) the pages in <paramref name="docsDirectory"/> produce.</summary>
    /// <exception cref="HelpFormatException">A page does not follow the platyPS layout.</exception>
    public static IReadOnlyDictionary<string, string> Generate(string docsDirectory)
    {
        if (!Directory.Exists(docsDirectory))
        {
            throw new HelpFormatException($"The docs folder '{docsDirectory}' does not exist.");
        }

        var markdownFiles = Directory.EnumerateFiles(docsDirectory, "*.md")
            .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
            .ToList();
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pages = new List<CommandPage>();
        foreach (var path in markdownFiles)
        {
            var fileName = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            if (fileName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                outputs[Path.GetFileNameWithoutExtension(fileName) + ".help.txt"] = AboutTopicConverter.Convert(text);
            }
            else
            {
                pages.Add(CommandPageParser.Parse(text, fileName));
            }
        }

        if (pages.Count == 0)
        {
            throw new HelpFormatException($"The docs folder '{docsDirectory}' holds no cmdlet pages (*.md other than about_*).");
        }

        outputs[MamlFileName] = MamlWriter.Write(pages);
        return outputs;
    }

    /// <summary>Generates and writes every output file into <paramref name="outDirectory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(string docsDirectory, string outDirectory)
    {
        var outputs = Generate(docsDirectory);
        Directory.CreateDirectory(outDirectory);
        var written = new List<string>();
        foreach (var (name, content) in outputs)
        {
            var path = Path.Combine(outDirectory, name);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
