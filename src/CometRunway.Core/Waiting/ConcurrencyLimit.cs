namespace CometRunway.Core.Waiting;

/// <summary>
/// How many reads may be in flight, found the way TCP finds a window: it doubles every round trip while reads
/// are waiting for a slot (slow start), then grows by one per round trip; it halves on a 429 and shrinks by a
/// quarter when the latency climbs well above the least seen (the server or this machine is queueing), at most
/// once per round trip. By Little's law it settles near request rate x latency, the concurrency the cadence
/// needs, and never above the ceiling. Touched only by the waiter's loop.
/// </summary>
internal sealed class ConcurrencyLimit
{
    /// <summary>The latency counts as climbing above this multiple of the least seen...</summary>
    private const double CongestedLatencyRatio = 2.0;

    /// <summary>...and this much above it, so the jitter of a fast loopback is not taken for congestion.</summary>
    private static readonly TimeSpan CongestedLatencySlack = TimeSpan.FromMilliseconds(50);

    /// <summary>The least latency is forgotten after this long, so a slower route later is not taken for congestion forever.</summary>
    private static readonly TimeSpan LatencyMemory = TimeSpan.FromSeconds(30);

    private readonly int ceiling;
    private double limit;
    private bool slowStart = true;
    private TimeSpan lastDecreaseAt = TimeSpan.MinValue;
    private TimeSpan? leastLatency;
    private TimeSpan? previousLeastLatency;
    private TimeSpan latencyWindowStart;
    private double smoothedLatencyTicks;

    public ConcurrencyLimit(int initial, int ceiling)
    {
        this.ceiling = ceiling;
        limit = Math.Clamp(initial, 1, ceiling);
    }

    public int Current => (int)limit;

    /// <summary>A read answered. <paramref name="backlogged"/>: reads were due but waiting for a slot.</summary>
    public void OnAnswer(TimeSpan startedAt, TimeSpan latency, TimeSpan now, bool backlogged)
    {
        var baseline = Observe(latency, now);
        var congested = baseline * CongestedLatencyRatio > baseline + CongestedLatencySlack
            ? baseline * CongestedLatencyRatio
            : baseline + CongestedLatencySlack;

        // This read and the recent average both: one slow answer is not a trend.
        if (latency > congested && smoothedLatencyTicks > congested.Ticks)
        {
            Decrease(startedAt, now, 0.75);
            return;
        }

        if (backlogged)
        {
            limit = Math.Min(ceiling, limit + (slowStart ? 1 : 1 / limit));
        }
    }

    /// <summary>The server answered 429.</summary>
    public void OnRateLimited(TimeSpan startedAt, TimeSpan now) => Decrease(startedAt, now, 0.5);

    /// <summary>Once per round trip: only a read started after the last decrease can cause another.</summary>
    private void Decrease(TimeSpan startedAt, TimeSpan now, double factor)
    {
        slowStart = false;
        if (startedAt < lastDecreaseAt)
        {
            return;
        }

        limit = Math.Max(1, limit * factor);
        lastDecreaseAt = now;
    }

    /// <returns>The least latency of the recent past.</returns>
    private TimeSpan Observe(TimeSpan latency, TimeSpan now)
    {
        smoothedLatencyTicks = smoothedLatencyTicks == 0 ? latency.Ticks : (0.9 * smoothedLatencyTicks) + (0.1 * latency.Ticks);
        if (now - latencyWindowStart > LatencyMemory)
        {
            previousLeastLatency = leastLatency;
            leastLatency = null;
            latencyWindowStart = now;
        }

        if (leastLatency is null || latency < leastLatency)
        {
            leastLatency = latency;
        }

        return previousLeastLatency is { } previous && previous < leastLatency.Value ? previous : leastLatency.Value;
    }
}
