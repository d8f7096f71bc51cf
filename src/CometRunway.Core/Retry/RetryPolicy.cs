namespace CometRunway.Core.Retry;

/// <summary>
/// How transient failures are retried: <see cref="Backoff"/> between attempts, a server's own delay taking
/// precedence, while attempts remain and the time budget lasts.
/// </summary>
internal sealed record RetryPolicy
{
    /// <summary>API reads: up to 4 attempts within 60 s, 0.5 s doubling to 8 s.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>
    /// File downloads: as many attempts as 2 minutes of failing allow (an attempt that moves the file forward
    /// restarts the budget), 1 s doubling to 15 s.
    /// </summary>
    public static RetryPolicy Downloads { get; } = new()
    {
        MaxAttempts = int.MaxValue,
        Budget = TimeSpan.FromMinutes(2),
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(15),
    };

    /// <summary>No retries: one attempt. The waiter uses it because it paces all requests itself.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// How long retrying may go on, counted by the caller (from the first attempt for a read, from the last
    /// progress for a download). No retry starts after it, and a server delay that would end past it is not waited for.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest computed backoff (before jitter).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Each computed delay is lengthened by a random fraction in [0, JitterFraction).</summary>
    public double JitterFraction { get; init; } = 0.25;

    /// <summary>Whether to try again after <paramref name="attemptsMade"/> failed attempts, and after how long.</summary>
    /// <param name="attemptsMade">Attempts made so far, all failed.</param>
    /// <param name="elapsed">Time spent so far against <see cref="Budget"/>.</param>
    /// <param name="serverDelay">What the server asked for (Retry-After), if it did.</param>
    /// <param name="random">The jitter source; may be shared between threads (see <see cref="Jitter"/>).</param>
    public RetryDecision Decide(int attemptsMade, TimeSpan elapsed, TimeSpan? serverDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        if (attemptsMade >= MaxAttempts)
        {
            return RetryDecision.Stopped(RetryStop.AttemptsUsed, this, serverDelay);
        }

        var remaining = Budget - elapsed;
        if (serverDelay is { } asked)
        {
            return asked <= remaining
                ? RetryDecision.After(asked < TimeSpan.Zero ? TimeSpan.Zero : asked)
                : RetryDecision.Stopped(RetryStop.ServerDelayTooLong, this, asked);
        }

        if (remaining <= TimeSpan.Zero)
        {
            return RetryDecision.Stopped(RetryStop.BudgetSpent, this, null);
        }

        var delay = Jitter(random, source => Backoff.Delay(attemptsMade, BaseDelay, MaxDelay, JitterFraction, source));
        return RetryDecision.After(delay < remaining ? delay : remaining);
    }

    /// <summary>Throws when a setting cannot work, naming it.</summary>
    public void Validate()
    {
        if (MaxAttempts < 1 || Budget < TimeSpan.Zero || BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero
            || MaxDelay > RetryAfterHeader.Longest || double.IsNaN(JitterFraction) || JitterFraction < 0 || JitterFraction > 1)
        {
            throw new ArgumentException(
                $"The retry policy is unusable: MaxAttempts must be at least 1 (was {MaxAttempts}), Budget and BaseDelay not negative " +
                $"(were {Budget} and {BaseDelay}), MaxDelay between 0 and a day (was {MaxDelay}) and JitterFraction between 0 and 1 (was {JitterFraction}).");
        }
    }

    /// <summary>
    /// Draws from <paramref name="random"/> safely when threads share it: Random.Shared is thread-safe, and a caller's own
    /// instance (one per batch of parallel requests or downloads, or a seeded one in tests) is locked for the draw.
    /// </summary>
    private static TimeSpan Jitter(Random random, Func<Random, TimeSpan> draw)
    {
        if (ReferenceEquals(random, Random.Shared))
        {
            return draw(random);
        }

        lock (random)
        {
            return draw(random);
        }
    }
}
