using CometRunway.Core.Http;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaiterTimeoutAndAnyTests
{
    [Fact]
    public async Task TheTimeoutReportsEachUnfinishedTaskWithItsStatusHistory()
    {
        var source = new ScriptedTaskSource(call => call.Id switch
        {
            "quick" => TaskAnswers.Succeeded(call.Id),
            "queued" => TaskAnswers.Pending(call.Id),
            "rendering" => call.Number == 1 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Running(call.Id, 40),
            _ => throw TaskAnswers.NotVisible(call.Id),
        });
        // Each task needs one or two reads (within ~30 ms) before the timeout; a second leaves room for a stalled process.
        var options = WaitTestOptions.Fast(timeout: TimeSpan.FromSeconds(1)) with { NotFoundTimeout = TimeSpan.FromMinutes(1) };

        var (summary, events) = await WaitRun.RunAsync(source, options, "quick", "queued", "rendering", "invisible");

        Assert.Equal(WaitCompletion.TimedOut, summary.Completion);
        Assert.Equal(1, summary.Succeeded);
        Assert.Equal(3, summary.TimedOut);
        var timeouts = events.OfType<TaskTimedOutEvent>().ToList();
        Assert.Equal(new[] { "queued", "rendering", "invisible" }, timeouts.Select(t => t.Id));
        Assert.Matches(@"^Task queued is still PENDING after \d+m?s; RUNNING never seen\.$", timeouts[0].Message);
        Assert.Matches(@"^Task rendering is still RUNNING \(40%\) after \d+m?s; first seen RUNNING \d+m?s ago\.$", timeouts[1].Message);
        Assert.Matches(@"^Task invisible is still not visible \(task_not_exist\) after \d+m?s\.$", timeouts[2].Message);
        Assert.Equal(40, timeouts[1].LastSeen!.Progress);
        Assert.Null(timeouts[2].LastSeen);
        Assert.True(summary.Elapsed >= options.Timeout);
    }

    [Theory]
    [InlineData(400.0)]
    [InlineData(5_000_000.0 / 86_400)]
    [InlineData(double.PositiveInfinity)]
    public async Task AnyTimeoutWorksHoweverLong(double days)
    {
        // Task.Delay refuses more than about 49.7 days; the loop must sleep in steps instead.
        var timeout = double.IsInfinity(days) ? TimeSpan.MaxValue : TimeSpan.FromDays(days);
        // The latency makes the loop sleep (until the deadline, at first) while the request is in flight.
        var source = new ScriptedTaskSource(call => call.Number == 1 ? TaskAnswers.Running(call.Id) : TaskAnswers.Succeeded(call.Id))
        {
            Latency = TimeSpan.FromMilliseconds(30),
        };

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(timeout: timeout), "t1");

        Assert.Equal(WaitCompletion.AllDone, summary.Completion);
        Assert.Equal("t1", Assert.Single(events.OfType<TaskSucceededEvent>()).Task.Id);
    }

    [Fact]
    public async Task AnyReturnsWhenTheFirstTaskEndsAndReportsOnlyThat()
    {
        var source = new ScriptedTaskSource(call => call.Id == "fast" && call.Number >= 2 ? TaskAnswers.Failed(call.Id) : TaskAnswers.Running(call.Id));

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(any: true), "slow1", "fast", "slow2");

        Assert.Equal(WaitCompletion.Any, summary.Completion);
        Assert.Equal("fast", Assert.Single(events.OfType<TaskFailedEvent>()).Task.Id);
        Assert.Empty(events.OfType<TaskTimedOutEvent>());
        Assert.Empty(events.OfType<TaskSucceededEvent>());
    }

    [Fact]
    public async Task AnyIsSatisfiedByATaskObjectThatIsAlreadyDone()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Running(call.Id));
        var waiter = new RunwayTaskWaiter(source, _ => { }, options: WaitTestOptions.Fast(any: true));
        waiter.Add(TaskAnswers.Succeeded("done"));
        waiter.Add("running");

        var summary = await waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WaitCompletion.Any, summary.Completion);
        Assert.Empty(source.Calls);
        Assert.Equal(WaitAddResult.AfterAny, waiter.Add("after-the-end"));
    }

    [Fact]
    public async Task NoTasksAndNoMoreInputEndsAtOnce()
    {
        var waiter = new RunwayTaskWaiter(new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id)), _ => { });
        waiter.CompleteAdding();

        var summary = await waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new WaitSummary(WaitCompletion.AllDone, 0, 0, 0, 0, 0, 0, 0, summary.Elapsed, summary.Wakeups), summary);
        Assert.InRange(summary.Wakeups, 1, 2);
    }

    [Fact]
    public async Task AddAfterTheTimeoutSaysTheWaitTimedOut()
    {
        var wait = new FakeClockWait(new WaitOptions { Timeout = TimeSpan.FromSeconds(2) }, call => TaskAnswers.Pending(call.Id));
        Assert.Equal(WaitAddResult.Added, wait.Waiter.Add("a"));
        await wait.StartAsync();

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WaitCompletion.TimedOut, summary.Completion);
        Assert.Equal(WaitAddResult.AfterTimeout, wait.Waiter.Add("b"));
        Assert.Equal(WaitAddResult.AfterTimeout, wait.Waiter.Add("a"));
    }

    [Fact]
    public async Task AddAfterARefusedKeySaysTheWaitStoppedNotThatItTimedOut()
    {
        var source = new ScriptedTaskSource(_ => throw TaskAnswers.Error(RunwayErrorKind.Authentication, "HTTP 401: the key was refused."));
        var waiter = new RunwayTaskWaiter(source, _ => { }, options: WaitTestOptions.Fast(timeout: TimeSpan.FromMinutes(30)));
        waiter.Add("a");

        await Assert.ThrowsAsync<RunwayApiException>(() => waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(WaitAddResult.AfterStop, waiter.Add("b"));
    }
}
