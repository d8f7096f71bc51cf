using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The API docs' "Poll until done" sample scaled to many tasks: read every unfinished task in turn, one
/// request at a time, then sleep a fixed 10 s, and sweep again until none is left. With a wall budget the
/// loop stops starting reads once the budget since the tasks were added is spent, finished or not.
/// </summary>
internal static class NaivePhase
{
    public static async Task<PhaseResult> RunAsync(EmulatorProcess emulator, IRunwayTaskSource client, BenchTasks tasks, TimeSpan sleep, TimeSpan? budget)
    {
        var emulatorCpu = emulator.ProcessorTime;
        var added = await emulator.AddTasksAsync("n");
        var deadline = budget is { } b ? added + b : DateTimeOffset.MaxValue;
        await using var meter = new PhaseMeter();
        var pending = new List<string>(tasks.Ids("n"));
        var noticedAt = new DateTimeOffset?[tasks.Count];
        long requests = 0;
        int succeeded = 0, failed = 0, sweeps = 0;
        while (pending.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            sweeps++;
            foreach (var id in pending.ToArray())
            {
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    break;
                }

                requests++;
                try
                {
                    var task = await client.GetTaskAsync(id, RunwayTaskFormat.Official, CancellationToken.None);
                    if (task.IsTerminal)
                    {
                        noticedAt[NoticeDelays.IndexOf(id)] = DateTimeOffset.UtcNow;
                        pending.Remove(id);
                        _ = task.Status == RunwayTaskStatus.Succeeded ? succeeded++ : failed++;
                    }
                }
                catch (RunwayApiException)
                {
                    // The sample has no error handling; a failed read is simply read again next sweep.
                }
            }

            if (pending.Count > 0)
            {
                var left = deadline - DateTimeOffset.UtcNow;
                await Task.Delay(left < sleep ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : sleep);
            }
        }

        var returned = DateTimeOffset.UtcNow;
        await meter.StopAsync();
        var finishes = tasks.FinishOffsets();
        Console.WriteLine($"  naive sweeps: {sweeps}");
        if (pending.Count > 0)
        {
            Console.WriteLine($"  naive STOPPED BY ITS WALL BUDGET of {budget!.Value.TotalSeconds:0} s: {tasks.Count - pending.Count} of {tasks.Count} tasks noticed, "
                + $"{pending.Count} not; its notice delays cover the noticed tasks only, so they understate the loop's.");
        }

        return new PhaseResult(
            "naive",
            succeeded,
            failed,
            requests,
            pending.Count == 0 ? returned - (added + finishes.Max()) : null,
            returned - added,
            NoticeDelays.Measure(added, finishes, noticedAt),
            meter.Cpu,
            emulator.ProcessorTime - emulatorCpu,
            meter.PeakWorkingSet,
            meter.PeakHeap,
            meter.AllocatedBytes);
    }
}
