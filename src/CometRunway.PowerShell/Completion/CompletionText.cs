using System.Management.Automation;

namespace CometRunway.PowerShell.Completion;

internal static class CompletionText
{
    /// <summary>The candidates that start with what was typed (quotes stripped, case-insensitive, wildcards honoured).</summary>
    public static IEnumerable<string> Matching(IEnumerable<string> candidates, string? wordToComplete)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return candidates.Where(pattern.IsMatch);
    }

    /// <summary>Quotes a value when PowerShell would otherwise split or interpret it.</summary>
    public static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".Contains(c)) ? "'" + value.Replace("'", "''") + "'" : value;

    /// <summary>Completion results for the candidates that match what was typed, each with its tooltip.</summary>
    public static IEnumerable<CompletionResult> Results(IEnumerable<(string Value, string Tooltip)> candidates, string? wordToComplete)
    {
        var all = candidates.ToList();
        return Matching(all.Select(c => c.Value), wordToComplete)
            .Select(value => new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, all.First(c => c.Value == value).Tooltip));
    }
}
