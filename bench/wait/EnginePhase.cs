using System.Collections.Concurrent;
using CometRunway.Core.Http;
using CometRunway.Core.Waiting;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The tasks waited for by <see cref="RunwayTaskWaiter"/> with its default options, as Wait-RunwayTask without
/// -Verbose runs it (no verbose events are built) and without -ThrottleLimit (the concurrency adapts).
/// </summary>
internal static class EnginePhase
{
    public static async Task<PhaseResult> RunAsync(EmulatorProcess emulator, IRunwayTaskSource client, BenchTasks tasks, bool earlyReads, string name, string prefix)
    {
        var options = new WaitOptions { EarlyReads = earlyReads };
        var events = new BlockingCollection<WaitEvent>();
        var waiter = new RunwayTaskWaiter(client, events.Add, options: options);
        var counts = new Dictionary<Type, int>();
        var noticedAt = new DateTimeOffset?[tasks.Count];
        var drain = new Thread(() =>
        {
            foreach (var waitEvent in events.GetConsumingEnumerable())
            {
                counts[waitEvent.GetType()] = counts.GetValueOrDefault(waitEvent.GetType()) + 1;

                // Noticed when the consumer sees it, as the cmdlet would write it to the pipeline.
                var finishedId = waitEvent switch
                {
                    TaskSucceededEvent e => e.Task.Id,
                    TaskFailedEvent e => e.Task.Id,
                    _ => null,
                };
                if (finishedId is not null)
                {
                    noticedAt[NoticeDelays.IndexOf(finishedId)] = DateTimeOffset.UtcNow;
                }
            }
        })
        { IsBackground = true, Name = "bench pipeline thread" };
        drain.Start();

        var emulatorCpu = emulator.ProcessorTime;
        var added = await emulator.AddTasksAsync(prefix);
        await using var meter = new PhaseMeter();
        foreach (var id in tasks.Ids(prefix))
        {
            waiter.Add(id);
        }

        waiter.CompleteAdding();
        var summary = await waiter.RunAsync(CancellationToken.None);
        var returned = DateTimeOffset.UtcNow;
        events.CompleteAdding();
        drain.Join();
        await meter.StopAsync();

        var finishes = tasks.FinishOffsets();
        Console.WriteLine($"  {name}: loop wakeups: {summary.Wakeups}; early reads: {summary.EarlyReads}, of which found the task finished: {summary.EarlyReadHits}; peak requests in flight: {summary.PeakInFlight}");
        Console.WriteLine($"  {name}: events: {string.Join(", ", counts.OrderBy(p => p.Key.Name).Select(p => $"{p.Key.Name}={p.Value}"))}");
        return new PhaseResult(
            name,
            summary.Succeeded,
            summary.Failed,
            summary.Requests,
            returned - (added + finishes.Max()),
            returned - added,
            NoticeDelays.Measure(added, finishes, noticedAt),
            meter.Cpu,
            emulator.ProcessorTime - emulatorCpu,
            meter.PeakWorkingSet,
            meter.PeakHeap,
            meter.AllocatedBytes);
    }
}
