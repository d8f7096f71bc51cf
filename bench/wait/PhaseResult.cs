namespace CometRunway.Bench.Wait;

/// <summary>
/// What one way of waiting cost. <see cref="AfterLastFinished"/> is null when the phase stopped before it
/// noticed every task (the naive loop's wall budget).
/// </summary>
internal sealed record PhaseResult(
    string Name,
    int Succeeded,
    int Failed,
    long Requests,
    TimeSpan? AfterLastFinished,
    TimeSpan Wall,
    NoticeDelays Notice,
    TimeSpan Cpu,
    TimeSpan EmulatorCpu,
    long PeakWorkingSet,
    long PeakHeap,
    long AllocatedBytes);
