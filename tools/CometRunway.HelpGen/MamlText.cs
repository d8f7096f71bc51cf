namespace CometRunway.HelpGen;

/// <summary>Turns a markdown body into the paragraphs MAML holds (<c>maml:para</c>), which Get-Help rewraps to the console width.</summary>
public static class MamlText
{
    public static IReadOnlyList<string> Paragraphs(string markdown)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        var inFence = false;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(IsListOrIndented(current) ? string.Join('\n', current) : string.Join(' ', current.Select(l => l.Trim())));
                current.Clear();
            }
        }

        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                current.Add("    " + line);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            current.Add(line.TrimEnd());
        }

        Flush();
        return paragraphs;
    }

    private static bool IsListOrIndented(List<string> lines) =>
        lines.Any(l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)
            || l.StartsWith("* ", StringComparison.Ordinal) || (l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.'));
}
