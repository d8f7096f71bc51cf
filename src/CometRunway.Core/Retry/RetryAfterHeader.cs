using System.Globalization;
using System.Net.Http.Headers;

namespace CometRunway.Core.Retry;

/// <summary>
/// Reads how long a server asked us to wait: <c>retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP
/// date. Any value is safe: absurd ones (<c>1e300</c>, a date in year 9999) are read as <see cref="Longest"/>.
/// </summary>
internal static class RetryAfterHeader
{
    /// <summary>The longest delay a header is read as; nothing here waits that long, and sums with it cannot overflow.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromDays(1);

    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValues("retry-after-ms", out var milliseconds) && FromNumber(milliseconds.FirstOrDefault(), 0.001) is { } fromMs)
        {
            return fromMs;
        }

        if (headers.TryGetValues("Retry-After", out var raw) && Parse(raw.FirstOrDefault(), now) is { } parsed)
        {
            return parsed;
        }

        // The typed header also knows the obsolete date formats (RFC 850, asctime).
        return headers.RetryAfter?.Date is { } date ? Until(date, now) : null;
    }

    /// <summary>Parses one <c>Retry-After</c> value: whole or fractional seconds, or an RFC 1123 date.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FromNumber(value, 1) is { } seconds)
        {
            return seconds;
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Until(date, now)
            : null;
    }

    private static TimeSpan? FromNumber(string? text, double secondsPerUnit) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && !double.IsNaN(value)
            ? TimeSpan.FromSeconds(Math.Min(value * secondsPerUnit, Longest.TotalSeconds))
            : null;

    private static TimeSpan Until(DateTimeOffset date, DateTimeOffset now)
    {
        var wait = date - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < Longest ? wait : Longest;
    }
}
