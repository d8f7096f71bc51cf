namespace CometRunway.Core.Retry;

/// <summary>
/// One "no request before this moment" shared by every request of one client or one wait. A 429 moves the
/// moment later (never earlier), and every request waits it out before it is sent, so no request lands inside
/// a window the server asked for. Thread-safe.
/// </summary>
internal sealed class RateLimitPause
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromHours(1);

    private readonly TimeProvider time;
    private readonly long origin;
    private long endTicks;

    public RateLimitPause(TimeProvider? timeProvider = null)
    {
        time = timeProvider ?? TimeProvider.System;
        origin = time.GetTimestamp();
    }

    /// <summary>How long the pause still lasts; zero when there is none.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = TimeSpan.FromTicks(Interlocked.Read(ref endTicks)) - Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Makes the pause last at least <paramref name="delay"/> from now.
    /// </summary>
    /// <returns>True when this moved the end of the pause (a caller says so once, not for every 429 of a burst).</returns>
    public bool Extend(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return false;
        }

        var now = Elapsed;
        var end = (delay < TimeSpan.MaxValue - now ? now + delay : TimeSpan.MaxValue).Ticks;
        long seen;
        while (end > (seen = Interlocked.Read(ref endTicks)))
        {
            if (Interlocked.CompareExchange(ref endTicks, end, seen) == seen)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Completes once the pause is over, however often it was extended meanwhile.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        for (var left = Remaining; left > TimeSpan.Zero; left = Remaining)
        {
            // Task.Delay truncates to whole milliseconds (round up, never end early) and refuses more than ~49 days.
            var step = left < MaxStep ? TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)) : MaxStep;
            await Task.Delay(step, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Elapsed => time.GetElapsedTime(origin);
}
