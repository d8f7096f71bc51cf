using System.Text.RegularExpressions;

namespace CometRunway.HelpGen;

/// <summary>Reads a cmdlet page in the platyPS 0.14 markdown layout.</summary>
public static partial class CommandPageParser
{
    private static readonly string[] RequiredSections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS"];

    /// <param name="fileName">Used in error messages only.</param>
    /// <exception cref="HelpFormatException">The page does not follow the layout.</exception>
    public static CommandPage Parse(string markdown, string fileName)
    {
        var lines = Normalize(markdown).Split('\n');
        var frontMatter = ReadFrontMatter(lines, fileName, out var bodyStart);
        var body = lines[bodyStart..];

        var titles = MarkdownSection.Split(body, 1, bodyStart + 1);
        if (titles.Count != 1)
        {
            throw new HelpFormatException($"{fileName}: expected exactly one '# <Cmdlet-Name>' heading, found {titles.Count}.");
        }

        var name = titles[0].Heading;
        var sections = MarkdownSection.Split(titles[0].Lines, 2, titles[0].LineNumber + 1)
            .ToDictionary(s => s.Heading.ToUpperInvariant(), StringComparer.Ordinal);
        foreach (var required in RequiredSections)
        {
            if (!sections.ContainsKey(required))
            {
                throw new HelpFormatException($"{fileName}: the '## {required}' section is missing.");
            }
        }

        var synopsis = sections["SYNOPSIS"].Body;
        if (synopsis.Length == 0)
        {
            throw new HelpFormatException($"{fileName}: '## SYNOPSIS' is empty.");
        }

        return new CommandPage(
            name,
            frontMatter.GetValueOrDefault("online version") is { Length: > 0 } online ? online : null,
            synopsis,
            ReadSyntax(sections["SYNTAX"], fileName),
            sections["DESCRIPTION"].Body,
            ReadExamples(sections["EXAMPLES"], fileName),
            ReadParameters(sections["PARAMETERS"], fileName),
            ReadTypes(sections["INPUTS"]),
            ReadTypes(sections["OUTPUTS"]),
            sections.TryGetValue("NOTES", out var notes) ? notes.Body : string.Empty,
            sections.TryGetValue("RELATED LINKS", out var links) ? ReadLinks(links) : []);
    }

    /// <summary>CRLF to LF, no BOM, no trailing whitespace: the page reads the same on every machine.</summary>
    public static string Normalize(string text) =>
        string.Join('\n', text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()));

    public static IReadOnlyDictionary<string, string> ReadFrontMatter(IReadOnlyList<string> lines, string fileName, out int bodyStart)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        bodyStart = 0;
        if (lines.Count == 0 || lines[0] != "---")
        {
            throw new HelpFormatException($"{fileName}: the page must start with a '---' YAML front matter block.");
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i] == "---")
            {
                bodyStart = i + 1;
                return values;
            }

            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        throw new HelpFormatException($"{fileName}: the YAML front matter is not closed with '---'.");
    }

    private static IReadOnlyList<SyntaxBlock> ReadSyntax(MarkdownSection syntax, string fileName)
    {
        var blocks = new List<SyntaxBlock>();
        var sets = MarkdownSection.Split(syntax.Lines, 3, syntax.LineNumber + 1);
        if (sets.Count == 0)
        {
            // A cmdlet with a single unnamed parameter set may give the code block directly.
            sets = [new MarkdownSection("__AllParameterSets", syntax.LineNumber, syntax.Lines)];
        }

        foreach (var set in sets)
        {
            var code = set.CodeBlocks();
            if (code.Count != 1)
            {
                throw new HelpFormatException($"{fileName}:{set.LineNumber}: syntax block '{set.Heading}' needs exactly one code block.");
            }

            const string defaultMarker = "(Default)";
            var isDefault = set.Heading.EndsWith(defaultMarker, StringComparison.Ordinal);
            var setName = isDefault ? set.Heading[..^defaultMarker.Length].Trim() : set.Heading;
            var names = SyntaxParameterName().Matches(code[0].Code).Select(m => m.Groups[1].Value).ToList();
            blocks.Add(new SyntaxBlock(setName, isDefault, names));
        }

        return blocks;
    }

    /// <summary>
    /// The examples of an about_ topic, read like a cmdlet page's: each <c>### Heading</c> section with code
    /// is one example, its code blocks the code and its <c>```output</c> blocks the documented output.
    /// </summary>
    public static IReadOnlyList<ExampleDoc> ReadTopicExamples(string markdown) =>
        MarkdownSection.Split(Normalize(markdown).Split('\n'), 3)
            .Select(ReadExample)
            .OfType<ExampleDoc>()
            .ToList();

    private static IReadOnlyList<ExampleDoc> ReadExamples(MarkdownSection examples, string fileName) =>
        MarkdownSection.Split(examples.Lines, 3, examples.LineNumber + 1)
            .Select(example => ReadExample(example)
                ?? throw new HelpFormatException($"{fileName}:{example.LineNumber}: example '{example.Heading}' has no code block."))
            .ToList();

    /// <summary>Null when the section has no code to run.</summary>
    private static ExampleDoc? ReadExample(MarkdownSection example)
    {
        var blocks = example.CodeBlocks();
        var code = blocks.Where(b => !IsOutput(b.Info)).Select(b => b.Code).ToList();
        var output = blocks.Where(b => IsOutput(b.Info)).Select(b => b.Code).ToList();
        return code.Count == 0
            ? null
            : new ExampleDoc(example.Heading, string.Join("\n\n", code), output.Count == 0 ? null : string.Join('\n', output), example.TextOutsideCode());
    }

    /// <summary>A <c>```output</c> block shows what the example prints: it is not code to run.</summary>
    private static bool IsOutput(string info) => info.Equals("output", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<ParameterDoc> ReadParameters(MarkdownSection parameters, string fileName)
    {
        var result = new List<ParameterDoc>();
        foreach (var section in MarkdownSection.Split(parameters.Lines, 3, parameters.LineNumber + 1))
        {
            if (section.Heading == "CommonParameters")
            {
                continue;
            }

            if (!section.Heading.StartsWith('-'))
            {
                throw new HelpFormatException($"{fileName}:{section.LineNumber}: parameter headings look like '### -Name', not '### {section.Heading}'.");
            }

            var yaml = section.CodeBlocks().Where(b => b.Info == "yaml").ToList();
            if (yaml.Count != 1)
            {
                throw new HelpFormatException($"{fileName}:{section.LineNumber}: '### {section.Heading}' needs exactly one ```yaml block.");
            }

            var facts = ReadYaml(yaml[0].Code);
            string Fact(string key) => facts.TryGetValue(key, out var value)
                ? value
                : throw new HelpFormatException($"{fileName}:{section.LineNumber}: the yaml of '### {section.Heading}' has no '{key}:' line.");

            result.Add(new ParameterDoc(
                section.Heading[1..],
                section.TextOutsideCode(),
                Fact("Type"),
                SplitList(Fact("Parameter Sets")),
                SplitList(Fact("Aliases")),
                IsTrue(Fact("Required")),
                Fact("Position"),
                Fact("Default value"),
                Fact("Accept pipeline input"),
                IsTrue(Fact("Accept wildcard characters"))));
        }

        return result;
    }

    private static Dictionary<string, string> ReadYaml(string code)
    {
        var facts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in code.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                facts[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return facts;
    }

    private static IReadOnlyList<string> SplitList(string value) =>
        value.Length == 0 || value.Equals("None", StringComparison.OrdinalIgnoreCase)
            ? []
            : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool IsTrue(string value) => value.StartsWith("True", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<TypeDoc> ReadTypes(MarkdownSection section) =>
        MarkdownSection.Split(section.Lines, 3, section.LineNumber + 1).Select(t => new TypeDoc(t.Heading, t.Body)).ToList();

    private static IReadOnlyList<LinkDoc> ReadLinks(MarkdownSection section) =>
        MarkdownLink().Matches(section.Body).Select(m => new LinkDoc(m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex(@"(?<![\w`])-(\w+)")]
    private static partial Regex SyntaxParameterName();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)]*)\)")]
    private static partial Regex MarkdownLink();
}
