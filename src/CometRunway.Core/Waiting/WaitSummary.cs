namespace CometRunway.Core.Waiting;

/// <summary>Why <see cref="RunwayTaskWaiter.RunAsync"/> returned.</summary>
internal enum WaitCompletion
{
    /// <summary>Every task added before <see cref="RunwayTaskWaiter.CompleteAdding"/> reached an end.</summary>
    AllDone,

    /// <summary><see cref="WaitOptions.Any"/> was set and one task reached a terminal status.</summary>
    Any,

    /// <summary><see cref="WaitOptions.Timeout"/> elapsed; every unfinished task got a <see cref="TaskTimedOutEvent"/>.</summary>
    TimedOut,
}

/// <summary>
/// What a wait did, counted per outcome; the events carry the details. <see cref="Wakeups"/> counts the
/// scheduling loop's turns (a cost measure for benchmarks: it should stay near requests + events).
/// </summary>
internal sealed record WaitSummary(
    WaitCompletion Completion,
    int Total,
    int Succeeded,
    int Failed,
    int NotFound,
    int Errors,
    int TimedOut,
    long Requests,
    TimeSpan Elapsed,
    long Wakeups)
{
    /// <summary>Reads placed off the cadence, where a task's progress said it would have finished.</summary>
    public long EarlyReads { get; init; }

    /// <summary>Early reads that found their task finished (each of the others cost one request more than the cadence).</summary>
    public long EarlyReadHits { get; init; }

    /// <summary>The most requests that were in flight at once.</summary>
    public int PeakInFlight { get; init; }
}
