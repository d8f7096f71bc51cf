using System.Text;

namespace CometRunway.HelpGen;

/// <summary>
/// Turns an about_ topic written in markdown into the plain text PowerShell shows for <c>Get-Help about_X</c>:
/// headings become upper-case titles, text is indented four spaces, code eight, fences and front matter go away.
/// </summary>
public static class AboutTopicConverter
{
    public static string Convert(string markdown)
    {
        var lines = CommandPageParser.Normalize(markdown).Split('\n');
        var start = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            start = Array.IndexOf(lines, "---", 1) + 1;
        }

        var text = new StringBuilder();
        var inFence = false;
        var previousBlank = true;
        foreach (var line in lines[start..])
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            string output;
            if (inFence)
            {
                output = line.Length == 0 ? string.Empty : "        " + line;
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                output = "TOPIC\n    " + line[2..].Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                output = line[3..].Trim().ToUpperInvariant();
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                output = "  " + line[4..].Trim();
            }
            else
            {
                output = line.Length == 0 ? string.Empty : "    " + line;
            }

            var blank = output.Length == 0;
            if (blank && previousBlank)
            {
                continue;
            }

            text.Append(output).Append('\n');
            previousBlank = blank;
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }
}
