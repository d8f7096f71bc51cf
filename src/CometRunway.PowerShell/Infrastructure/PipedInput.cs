using System.Globalization;
using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// One input a create cmdlet received from the pipeline, as the user knows it: its position (1 for the first) and what
/// was bound from it, so that an error about it says "Input 3 (prompt 'a cat…', ./missing.png): …" and carries it as
/// its target, ready to be fixed and piped again.
/// </summary>
/// <remarks>
/// A compiled cmdlet cannot see the piped object itself, so it is rebuilt from the parameters bound from it: one value
/// when one parameter took it (a prompt or a path given as text, a file's path, a task, a body), else a
/// PSCustomObject of the bound values under their parameter names (a CSV row, without the columns no parameter took).
/// Both bind to the same parameters when piped again.
/// </remarks>
internal sealed record PipedInput(object Value, string Label)
{
    private const int ShownLength = 30;

    private const int ShownMediaLength = 80;

    /// <param name="bound">The parameters bound from the pipeline for this input, in declaration order, with their values.</param>
    /// <param name="mainInputName">The parameter the cmdlet's main input is bound to, e.g. PromptImage; shown after the prompt.</param>
    public static PipedInput Of(int position, IReadOnlyList<KeyValuePair<string, object>> bound, string? mainInputName)
    {
        var value = bound.Count == 1 ? Single(bound[0].Value) : Row(bound);
        var parts = new List<string>();
        foreach (var (name, given) in bound)
        {
            if (name == "PromptText" && given is string prompt)
            {
                parts.Insert(0, $"prompt '{Shorten(prompt)}'");
            }
            else if (name == mainInputName && (given as string ?? (given is string[] list ? string.Join(", ", list) : null)) is { } media)
            {
                parts.Add(ShortenMedia(media));
            }
            else if (Single(given) is var item && TaskId(item) is { } id)
            {
                parts.Add("task " + id);
            }
        }

        var label = parts.Count == 0 ? $"Input {position}" : $"Input {position} ({string.Join(", ", parts)})";
        return new PipedInput(value, label);
    }

    /// <summary>A list bound from one piped object holds just that object (an -InputObject task).</summary>
    private static object Single(object value) => value is object[] { Length: 1 } items ? items[0] : value;

    private static PSObject Row(IReadOnlyList<KeyValuePair<string, object>> bound)
    {
        var row = new PSObject();
        foreach (var (name, value) in bound)
        {
            row.Properties.Add(new PSNoteProperty(name, value));
        }

        return row;
    }

    private static string? TaskId(object item)
    {
        var id = PSObject.AsPSObject(item).Properties["Id"]?.Value ?? PSObject.AsPSObject(item).Properties["TaskId"]?.Value;
        return id is null ? null : Convert.ToString(id is PSObject wrapped ? wrapped.BaseObject : id, CultureInfo.InvariantCulture);
    }

    /// <summary>A path or URL whole when it fits, else its end (where the file name is); a data URI by its start (its type).</summary>
    private static string ShortenMedia(string media)
    {
        var text = media.Trim();
        return text.Length <= ShownMediaLength ? text
            : text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? Shorten(text)
            : "…" + text[^(ShownMediaLength - 1)..];
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= ShownLength ? line : line[..ShownLength].TrimEnd() + "…";
    }
}
