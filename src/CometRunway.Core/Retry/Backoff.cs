namespace CometRunway.Core.Retry;

/// <summary>
/// The one backoff formula: a base delay doubled per retry up to a ceiling, lengthened by a random fraction.
/// The jitter only lengthens, so a caller can promise a pause of at least the doubled base.
/// </summary>
internal static class Backoff
{
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The doubling stops here.</param>
    /// <param name="jitterFraction">The delay is multiplied by a random factor in [1, 1 + jitterFraction).</param>
    /// <param name="random">Injected so tests can fix it; callers sharing one across threads lock it.</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double jitterFraction, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        ArgumentNullException.ThrowIfNull(random);
        var doubled = baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 62));
        var capped = Math.Min(doubled, maxDelay.Ticks);
        var jittered = capped * (1 + (random.NextDouble() * jitterFraction));
        return TimeSpan.FromTicks((long)Math.Clamp(jittered, 0, TimeSpan.MaxValue.Ticks));
    }
}
