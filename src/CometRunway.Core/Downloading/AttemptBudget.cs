using System.Diagnostics;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Downloading;

/// <summary>
/// One download's attempts and the time it has spent failing, put to the retry policy after each failure. The
/// budget restarts after an attempt that made real progress (what the stall rule asks of a window), so a long
/// download that drops now and then goes on, and a trickle resumed a few bytes at a time does not.
/// </summary>
internal sealed class AttemptBudget(RetryPolicy policy, long progressBytes, Random random)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long attemptBytes;
    private TimeSpan? failingSince;

    /// <summary>Attempts made, the current one included.</summary>
    public int Attempts { get; private set; }

    public void BeginAttempt()
    {
        Attempts++;
        attemptBytes = 0;
    }

    /// <summary>The attempt only refreshed an expired link: it does not count.</summary>
    public void Refund() => Attempts--;

    public void Received(int bytes) => attemptBytes += bytes;

    /// <summary>Whether to try again after the current attempt failed, and when.</summary>
    /// <param name="serverDelay">What the host asked for (Retry-After), if it did.</param>
    public RetryDecision AfterFailure(TimeSpan? serverDelay)
    {
        if (failingSince is null || attemptBytes >= progressBytes)
        {
            failingSince = clock.Elapsed;
        }

        // One Random may serve a whole batch of parallel downloads.
        lock (random)
        {
            return policy.Decide(Attempts, clock.Elapsed - failingSince.Value, serverDelay, random);
        }
    }
}
