using System.Globalization;
using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>Reads progress as 0–100 from <c>"NN%"</c> strings (feed) or numbers (Runway sends a 0–1 fraction).</summary>
internal static class ProgressValue
{
    /// <summary>
    /// A string with '%' is a percentage. A bare number (JSON or string) of at most 1 is a fraction, as Runway
    /// sends it (0.275 is 27.5%); above 1 it can only be a percentage, as some feed payloads send. The result is
    /// clamped to 0–100; anything unreadable is null.
    /// </summary>
    public static double? From(JsonElement value)
    {
        var percent = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => FromNumber(number),
            JsonValueKind.String => FromString(value.GetString()),
            _ => null,
        };
        return percent is { } p && double.IsFinite(p) ? Math.Clamp(p, 0, 100) : null;
    }

    private static double? FromString(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var isPercent = text.EndsWith('%');
        if (isPercent)
        {
            text = text[..^1].TrimEnd();
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return isPercent ? number : FromNumber(number);
    }

    private static double FromNumber(double number) => number <= 1 ? number * 100 : number;
}
