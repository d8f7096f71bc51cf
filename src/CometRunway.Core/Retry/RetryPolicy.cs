namespace CometRunway.Core.Retry;

/// <summary>
/// How transient failures are retried: exponential backoff with full jitter, a server-given delay
/// taking precedence, both capped.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>No retries: one attempt. The waiter uses it because it paces all requests itself.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest computed backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest server-requested delay we honour by waiting; a longer one ends the retries.</summary>
    public TimeSpan MaxServerDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (1 for the first retry): the server's
    /// delay when it gave one, else a uniformly random delay between zero and the exponential ceiling.
    /// Null when the server asks for longer than <see cref="MaxServerDelay"/>.
    /// </summary>
    public TimeSpan? DelayBeforeRetry(int retry, TimeSpan? serverDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        if (serverDelay is { } requested)
        {
            return requested <= MaxServerDelay ? (requested < TimeSpan.Zero ? TimeSpan.Zero : requested) : null;
        }

        var ceilingMs = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceilingMs);
    }
}
