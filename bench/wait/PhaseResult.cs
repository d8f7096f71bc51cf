namespace CometRunway.Bench.Wait;

/// <summary>What one way of waiting cost.</summary>
internal sealed record PhaseResult(
    string Name,
    int Succeeded,
    int Failed,
    long Requests,
    double? IdealRequests,
    TimeSpan AfterLastFinished,
    TimeSpan Wall,
    TimeSpan Cpu,
    TimeSpan EmulatorCpu,
    long PeakWorkingSet,
    long PeakHeap,
    long AllocatedBytes);
