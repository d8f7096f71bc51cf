namespace CometRunway.HelpGen;

/// <summary>A heading and the lines under it up to the next heading of the same or a higher level (code fences respected).</summary>
public sealed record MarkdownSection(string Heading, int LineNumber, IReadOnlyList<string> Lines)
{
    public string Body => string.Join('\n', Lines).Trim('\n', ' ');

    /// <summary>Splits lines at headings of exactly <paramref name="level"/> hashes; text before the first heading is dropped.</summary>
    public static IReadOnlyList<MarkdownSection> Split(IReadOnlyList<string> lines, int level, int firstLineNumber = 1)
    {
        var marker = new string('#', level) + " ";
        var sections = new List<MarkdownSection>();
        string? heading = null;
        var headingLine = 0;
        var body = new List<string>();
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                if (heading is not null)
                {
                    sections.Add(new MarkdownSection(heading, headingLine, body));
                }

                heading = line[marker.Length..].Trim();
                headingLine = firstLineNumber + i;
                body = new List<string>();
            }
            else if (heading is not null)
            {
                body.Add(line);
            }
        }

        if (heading is not null)
        {
            sections.Add(new MarkdownSection(heading, headingLine, body));
        }

        return sections;
    }

    /// <summary>The fenced code blocks of the section, in order, with the info string (e.g. <c>yaml</c>) of each.</summary>
    public IReadOnlyList<(string Info, string Code)> CodeBlocks()
    {
        var blocks = new List<(string, string)>();
        string? info = null;
        var code = new List<string>();
        foreach (var line in Lines)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (info is null)
                {
                    info = trimmed[3..].Trim();
                    code.Clear();
                }
                else
                {
                    blocks.Add((info, string.Join('\n', code)));
                    info = null;
                }
            }
            else if (info is not null)
            {
                code.Add(line);
            }
        }

        return blocks;
    }

    /// <summary>The section's text with every fenced code block removed.</summary>
    public string TextOutsideCode()
    {
        var kept = new List<string>();
        var inFence = false;
        foreach (var line in Lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).Trim('\n', ' ');
    }
}
