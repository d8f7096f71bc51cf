using System.Diagnostics;
using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>Reads off the cadence: placed where progress says the task has finished, at most one per interval.</summary>
public sealed class WaiterEarlyReadTests
{
    // A longer interval than the other tests' so the margins (a fifth of it, 100 ms) survive a loaded machine.
    private static readonly WaitOptions Options = WaitTestOptions.Fast() with { PollInterval = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public async Task ATaskWhoseProgressPredictsItsEndIsReadThenNotAtTheNextCadenceRead()
    {
        // Progress grows linearly with time and the task ends at 1,750 ms. Cadence reads come at about 0, 500-600,
        // 1,000-1,100 and 1,500-1,600 ms; the last one says 1,750 ms, well before the next cadence read (2,000-2,100 ms).
        var source = LinearTask(finishesAfter: TimeSpan.FromMilliseconds(1750), reportsDoneAfter: TimeSpan.FromMilliseconds(1750));

        var (summary, events) = await WaitRun.RunAsync(source, Options, "linear");

        Assert.Equal(1, summary.Succeeded);
        Assert.True(summary.EarlyReads >= 1, "no early read was placed");
        Assert.Equal(summary.EarlyReads, summary.EarlyReadHits);
        Assert.Single(events.OfType<TaskSucceededEvent>());
    }

    [Fact]
    public async Task WithEarlyReadsOffOnlyTheCadenceReads()
    {
        var source = LinearTask(finishesAfter: TimeSpan.FromMilliseconds(1750), reportsDoneAfter: TimeSpan.FromMilliseconds(1750));

        var (summary, _) = await WaitRun.RunAsync(source, Options with { EarlyReads = false }, "plain");

        Assert.Equal((1, 0L), (summary.Succeeded, summary.EarlyReads));
        var starts = source.CallsFor("plain").Select(call => call.StartedAt).ToList();
        Assert.All(starts.Zip(starts.Skip(1), (earlier, later) => later - earlier),
            gap => Assert.True(gap >= Options.PollInterval - TimeSpan.FromMilliseconds(1), $"a gap of {gap.TotalMilliseconds} ms"));
    }

    /// <summary>
    /// A task that reports progress as if it finished <paramref name="finishesAfter"/> after its first read, and says
    /// SUCCEEDED from <paramref name="reportsDoneAfter"/> on (at 99% until then).
    /// </summary>
    private static ScriptedTaskSource LinearTask(TimeSpan finishesAfter, TimeSpan reportsDoneAfter)
    {
        var clock = new Stopwatch();
        return new ScriptedTaskSource(call =>
        {
            clock.Start();
            var elapsed = clock.Elapsed;
            if (elapsed >= reportsDoneAfter)
            {
                return TaskAnswers.Succeeded(call.Id);
            }

            var percent = Math.Clamp(100 * (elapsed / finishesAfter), 1, 99);
            return call.Number == 1 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Running(call.Id, Math.Round(percent, 1));
        });
    }
}
