using System.Globalization;

namespace CometRunway.Core.Retry;

/// <summary>A delay as people read it in a message: "0.5 s", "90 s", "10 min", "3 h", "2 days".</summary>
internal static class DelayText
{
    public static string Of(TimeSpan delay) => delay switch
    {
        { TotalSeconds: < 10 } => string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0.#} s"),
        { TotalMinutes: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0} s"),
        { TotalHours: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{delay.TotalMinutes:0.#} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{delay.TotalHours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{delay.TotalDays:0} days"),
    };
}
