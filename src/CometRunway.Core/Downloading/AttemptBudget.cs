using System.Diagnostics;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Downloading;

/// <summary>
/// One download's attempts and the time it has spent failing, put to the retry policy after each failure. The
/// budget restarts after an attempt that moved the file forward by real progress (what the stall rule asks of a
/// window): bytes beyond the furthest offset any attempt had reached. So a long download that drops now and then
/// goes on, while a trickle, or a host that sends the same first bytes again and again, spends the budget. Attempts
/// that receive the file from its first byte are capped on their own, since a host that cannot resume could
/// otherwise creep forward for ever.
/// </summary>
internal sealed class AttemptBudget(RetryPolicy policy, long progressBytes, int wholeFileAttempts, Random random)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long furthest;
    private long furthestBeforeAttempt;
    private int fromFirstByte;
    private TimeSpan? failingSince;

    /// <summary>Attempts made, the current one included.</summary>
    public int Attempts { get; private set; }

    public void BeginAttempt()
    {
        Attempts++;
        furthestBeforeAttempt = furthest;
    }

    /// <summary>The attempt only refreshed an expired link: it does not count.</summary>
    public void Refund() => Attempts--;

    /// <summary>The current attempt is receiving the file from its first byte.</summary>
    public void FromFirstByte() => fromFirstByte++;

    /// <summary>The file now holds <paramref name="length"/> bytes.</summary>
    public void Reached(long length) => furthest = Math.Max(furthest, length);

    /// <summary>Whether to try again after the current attempt failed: the delay, or null and why not.</summary>
    /// <param name="serverDelay">What the host asked for (Retry-After), if it did.</param>
    public (TimeSpan? Delay, string Explanation) AfterFailure(TimeSpan? serverDelay)
    {
        if (fromFirstByte >= wholeFileAttempts)
        {
            return (null, $"The host sent the file from its first byte {fromFirstByte} times without finishing it, and cannot resume it.");
        }

        if (failingSince is null || furthest - furthestBeforeAttempt >= progressBytes)
        {
            failingSince = clock.Elapsed;
        }

        var decision = policy.Decide(Attempts, clock.Elapsed - failingSince.Value, serverDelay, random);

        return (decision.Delay, decision.Explanation);
    }
}
