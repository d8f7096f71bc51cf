using CometRunway.Core.Http;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>Runs one wait to its end with the events drained on a dedicated thread.</summary>
internal static class WaitRun
{
    public static async Task<(WaitSummary Summary, IReadOnlyList<WaitEvent> Events)> RunAsync(
        IRunwayTaskSource source, WaitOptions options, params string[] ids)
    {
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, options, TimeProvider.System, new Random(12345));
        foreach (var id in ids)
        {
            waiter.Add(id);
        }

        waiter.CompleteAdding();
        var summary = await waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        return (summary, drain.Finish());
    }

    public static IEnumerable<T> OfType<T>(this IEnumerable<WaitEvent> events) where T : WaitEvent =>
        Enumerable.OfType<T>(events);
}
