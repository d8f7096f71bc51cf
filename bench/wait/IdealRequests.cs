namespace CometRunway.Bench.Wait;

/// <summary>
/// The limit set by the server's rule, one read per task per poll interval: a task finishing at F is read when it is
/// added and then every interval until the first read at or after F, that is 1 + ceil(F / interval) reads. Such a
/// grid notices a task on average half an interval after it finishes (2.5 s at 5 s; p95 4.75 s).
/// </summary>
internal static class IdealRequests
{
    public static double For(TimeSpan interval, IEnumerable<TimeSpan> finishOffsets) =>
        finishOffsets.Sum(finish => 1 + Math.Ceiling(finish / interval));
}
