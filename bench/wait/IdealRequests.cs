using CometRunway.Core.Waiting;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The requests the engine's own schedule needs when nothing slows it down: a task finishing at F is read
/// at 0, d0, d0+d1, ... (d = the schedule's mean jittered delays) until the first read at or after F.
/// </summary>
internal static class IdealRequests
{
    public static double For(PollSchedule schedule, IEnumerable<TimeSpan> finishOffsets) =>
        finishOffsets.Sum(finish => ReadsUntil(schedule, finish));

    private static int ReadsUntil(PollSchedule schedule, TimeSpan finish)
    {
        var at = TimeSpan.Zero;
        var reads = 1;
        for (var step = 0; at < finish; step++)
        {
            at += schedule.MeanDelay(step);
            reads++;
        }

        return reads;
    }
}
