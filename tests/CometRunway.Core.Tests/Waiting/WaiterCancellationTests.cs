using System.Diagnostics;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaiterCancellationTests
{
    // The requirement is "well under a second"; the engine takes milliseconds. This bound only catches
    // a sleep (30 s) or request (60 s) that ignores the token, with a wide margin for a loaded machine.
    private static readonly TimeSpan CancellationBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CancellingDuringTheSleepsEndsAtOnceAndNoRequestFollows()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id));
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(30), ThrottleLimit = 50 };
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, options);
        foreach (var id in ids)
        {
            waiter.Add(id);
        }

        using var cancellation = new CancellationTokenSource();
        var run = waiter.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => source.Calls.Count == ids.Length && source.InFlight == 0);

        source.ForbidCalls();
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < CancellationBound, $"RunAsync took {stopwatch.Elapsed.TotalMilliseconds} ms to end");
        drain.Finish();
        await Task.Delay(200);
        Assert.DoesNotContain(source.Calls, call => call.AfterForbidden);
        Assert.Equal(ids.Length, source.Calls.Count);
    }

    [Fact]
    public async Task CancellingStopsRequestsInFlightAndLeavesNoneRunning()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id)) { Latency = TimeSpan.FromSeconds(60) };
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, WaitTestOptions.Fast(throttle: 10));
        foreach (var id in ids)
        {
            waiter.Add(id);
        }

        using var cancellation = new CancellationTokenSource();
        var run = waiter.RunAsync(cancellation.Token);
        await WaitUntilAsync(() => source.InFlight == 10);

        source.ForbidCalls();
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < CancellationBound, $"RunAsync took {stopwatch.Elapsed.TotalMilliseconds} ms to end");
        Assert.Equal(0, source.InFlight);
        Assert.Equal(10, source.CancelledCalls);
        Assert.DoesNotContain(source.Calls, call => call.AfterForbidden);
        Assert.DoesNotContain(drain.Finish(), e => e is TaskErrorEvent or TaskTimedOutEvent);
    }

    [Fact]
    public async Task AnyStopsTheRequestsStillInFlight()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id)) { Latency = TimeSpan.FromSeconds(60) };
        var waiter = new RunwayTaskWaiter(source, _ => { }, options: WaitTestOptions.Fast(any: true));
        for (var i = 0; i < 5; i++)
        {
            waiter.Add($"slow{i}");
        }

        var run = waiter.RunAsync(CancellationToken.None);
        await WaitUntilAsync(() => source.InFlight == 5);
        waiter.Add(TaskAnswers.Succeeded("done"));

        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WaitCompletion.Any, summary.Completion);
        Assert.Equal(0, source.InFlight);
        Assert.Equal(5, source.CancelledCalls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the condition never held");
            await Task.Delay(5);
        }
    }
}
