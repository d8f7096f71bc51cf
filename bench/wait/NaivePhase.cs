using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The API docs' "Poll until done" sample scaled to many tasks: read every unfinished task in turn, one
/// request at a time, then sleep a fixed 10 s, and sweep again until none is left.
/// </summary>
internal static class NaivePhase
{
    public static async Task<PhaseResult> RunAsync(EmulatorProcess emulator, IRunwayTaskSource client, BenchTasks tasks, TimeSpan sleep)
    {
        var emulatorCpu = emulator.ProcessorTime;
        var added = await emulator.AddTasksAsync("n");
        await using var meter = new PhaseMeter();
        var pending = new List<string>(tasks.Ids("n"));
        long requests = 0;
        int succeeded = 0, failed = 0, sweeps = 0;
        while (true)
        {
            sweeps++;
            foreach (var id in pending.ToArray())
            {
                requests++;
                try
                {
                    var task = await client.GetTaskAsync(id, RunwayTaskFormat.Official, CancellationToken.None);
                    if (task.IsTerminal)
                    {
                        pending.Remove(id);
                        _ = task.Status == RunwayTaskStatus.Succeeded ? succeeded++ : failed++;
                    }
                }
                catch (RunwayApiException)
                {
                    // The sample has no error handling; a failed read is simply read again next sweep.
                }
            }

            if (pending.Count == 0)
            {
                break;
            }

            await Task.Delay(sleep);
        }

        var returned = DateTimeOffset.UtcNow;
        await meter.StopAsync();
        var finishes = tasks.FinishOffsets();
        Console.WriteLine($"  naive sweeps: {sweeps}");
        return new PhaseResult(
            "naive",
            succeeded,
            failed,
            requests,
            null,
            returned - (added + finishes.Max()),
            returned - added,
            meter.Cpu,
            emulator.ProcessorTime - emulatorCpu,
            meter.PeakWorkingSet,
            meter.PeakHeap,
            meter.AllocatedBytes);
    }
}
