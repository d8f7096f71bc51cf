using System.Globalization;
using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>Reads Unix times (seconds, or milliseconds when clearly so) and ISO 8601 strings.</summary>
internal static class WireTimestamp
{
    // 1e11 seconds is the year 5138, while 1e11 milliseconds is 1973: any value this large is milliseconds.
    private const double MillisecondsThreshold = 1e11;

    private static readonly double MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Null for 0 ("not yet"), negative, out-of-range or unreadable values.</summary>
    public static DateTimeOffset? From(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var number) => FromUnix(number),
        JsonValueKind.String => FromString(value.GetString()),
        _ => null,
    };

    private static DateTimeOffset? FromString(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromUnix(number);
        }

        // A time without an offset is taken as UTC, which is what servers mean by it.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static DateTimeOffset? FromUnix(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return null;
        }

        var milliseconds = value >= MillisecondsThreshold ? value : value * 1000;
        return milliseconds <= MaxUnixMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds))
            : null;
    }
}
