using System.Threading.Channels;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaiterOutcomeTests
{
    [Fact]
    public async Task OneTaskIsFollowedThroughItsStatusesToSuccess()
    {
        var source = new ScriptedTaskSource(call => call.Number switch
        {
            1 => TaskAnswers.Pending(call.Id),
            2 => TaskAnswers.Running(call.Id, 40),
            _ => TaskAnswers.Succeeded(call.Id),
        });

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(), "task-1");

        Assert.Equal(WaitCompletion.AllDone, summary.Completion);
        Assert.Equal(1, summary.Succeeded);
        Assert.Equal(3, source.Calls.Count);
        Assert.Equal("task-1", Assert.Single(events.OfType<TaskSucceededEvent>()).Task.Id);
        var transitions = events.OfType<WaitVerboseEvent>().Select(e => e.Message).ToList();
        Assert.Contains("Task task-1: PENDING.", transitions);
        Assert.Contains("Task task-1: PENDING -> RUNNING (40%).", transitions);
        Assert.Contains("Task task-1: RUNNING -> SUCCEEDED.", transitions);
    }

    [Fact]
    public async Task ManyTasksWithMixedOutcomesEachEndTheRightWay()
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"t{i:000}").ToArray();
        var source = new ScriptedTaskSource(call =>
        {
            var index = int.Parse(call.Id[1..]);
            if (call.Number < 2 + (index % 4))
            {
                return TaskAnswers.Running(call.Id, call.Number * 10);
            }

            return (index % 3) switch
            {
                0 => TaskAnswers.Succeeded(call.Id),
                1 => TaskAnswers.Failed(call.Id),
                _ => TaskAnswers.Cancelled(call.Id),
            };
        });

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(throttle: 6), ids);

        Assert.Equal(100, summary.Succeeded);
        Assert.Equal(200, summary.Failed);
        Assert.Equal(ids.Where((_, i) => i % 3 == 0), events.OfType<TaskSucceededEvent>().Select(e => e.Task.Id).Order());
        var failures = events.OfType<TaskFailedEvent>().ToList();
        Assert.Equal(ids.Where((_, i) => i % 3 != 0), failures.Select(e => e.Task.Id).Order());
        Assert.All(failures.Where(f => f.Task.Status == RunwayTaskStatus.Failed),
            f => Assert.Equal($"Task {f.Task.Id} failed: Moderation (code SAFETY.INPUT.TEXT).", f.Message));
        Assert.InRange(source.MaxInFlight, 1, 6);
        Assert.Equal(summary.Requests, source.Calls.Count);

        // The loop wakes for messages and due times, never spins: a few turns per request at most.
        Assert.True(summary.Wakeups < 3 * summary.Requests, $"{summary.Wakeups} wakeups for {summary.Requests} requests");
    }

    [Fact]
    public async Task DuplicateIdsAreWaitedForOnce()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Succeeded(call.Id));
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, WaitTestOptions.Fast());

        Assert.Equal(WaitAddResult.Added, waiter.Add("a"));
        Assert.Equal(WaitAddResult.Duplicate, waiter.Add("a"));
        Assert.Equal(WaitAddResult.Duplicate, waiter.Add(" a ", RunwayTaskFormat.Feed));
        Assert.Equal(WaitAddResult.Added, waiter.Add("b", RunwayTaskFormat.Feed));
        waiter.CompleteAdding();
        var summary = await waiter.RunAsync(CancellationToken.None);

        Assert.Equal(2, summary.Total);
        Assert.Equal(2, drain.Finish().OfType<TaskSucceededEvent>().Count());
        Assert.Equal(new[] { ("a", RunwayTaskFormat.Official), ("b", RunwayTaskFormat.Feed) },
            source.Calls.Select(c => (c.Id, c.Format)).Order());
    }

    [Fact]
    public async Task ATaskObjectIsReadThroughItsOwnFormatAndATerminalOneWithoutARequest()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Succeeded(call.Id));
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, WaitTestOptions.Fast());
        var done = TaskAnswers.Succeeded("done");
        var failed = TaskAnswers.Failed("failed");
        var feedPending = new RunwayTask { Id = "feed", Format = RunwayTaskFormat.Feed, Status = RunwayTaskStatus.Pending };

        waiter.Add(done);
        waiter.Add(failed);
        waiter.Add(feedPending);
        waiter.CompleteAdding();
        await waiter.RunAsync(CancellationToken.None);
        var events = drain.Finish();

        var call = Assert.Single(source.Calls);
        Assert.Equal(("feed", RunwayTaskFormat.Feed), (call.Id, call.Format));
        Assert.Same(done, events.OfType<TaskSucceededEvent>().First().Task);
        Assert.Same(failed, Assert.Single(events.OfType<TaskFailedEvent>()).Task);
    }

    [Fact]
    public async Task ATaskNotVisibleForAWhileIsWaitedFor()
    {
        var source = new ScriptedTaskSource(call => call.Number <= 3 ? throw TaskAnswers.NotVisible(call.Id) : TaskAnswers.Succeeded(call.Id));

        // A grace far longer than the three reads take, so a stall of the test process cannot end it first.
        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast() with { NotFoundTimeout = TimeSpan.FromSeconds(30) }, "fresh");

        Assert.Equal(1, summary.Succeeded);
        Assert.Empty(events.OfType<TaskNotFoundEvent>());
        Assert.Single(events.OfType<WaitVerboseEvent>(), e => e.Message.Contains("not visible yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATaskNeverVisibleEndsAsOneNotFoundAfterTheGracePeriod()
    {
        var source = new ScriptedTaskSource(call => throw TaskAnswers.NotVisible(call.Id));
        var options = WaitTestOptions.Fast();

        var (summary, events) = await WaitRun.RunAsync(source, options, "ghost");

        var notFound = Assert.Single(events.OfType<TaskNotFoundEvent>());
        Assert.Equal("ghost", notFound.Id);
        Assert.True(notFound.Waited >= options.NotFoundTimeout);
        Assert.StartsWith("Task ghost was not found: the server answered task_not_exist for", notFound.Message);
        Assert.Equal(1, summary.NotFound);
        // Asked at least three times: the span of the calls is not asserted, a stall of the process may shorten it.
        Assert.True(source.Calls.Count >= 3, "it kept asking during the grace period");
    }

    [Fact]
    public async Task ANotFoundTimeoutOfZeroEndsTheTaskAtTheFirstTaskNotExist()
    {
        var source = new ScriptedTaskSource(call => throw TaskAnswers.NotVisible(call.Id));

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast() with { NotFoundTimeout = TimeSpan.Zero }, "ghost");

        Assert.Equal(1, summary.NotFound);
        Assert.Equal("ghost", Assert.Single(events.OfType<TaskNotFoundEvent>()).Id);
        Assert.Single(source.Calls);
    }

    [Fact]
    public async Task ANotFoundTimeoutShorterThanTheIntervalTakesTheReadsItSpans()
    {
        var source = new ScriptedTaskSource(call => throw TaskAnswers.NotVisible(call.Id));

        var (summary, _) = await WaitRun.RunAsync(source, WaitTestOptions.Fast() with { NotFoundTimeout = TimeSpan.FromMilliseconds(50) }, "ghost");

        // 50 ms spans one interval: the first answer and one more.
        Assert.Equal(1, summary.NotFound);
        Assert.Equal(2, source.Calls.Count);
    }

    [Fact]
    public async Task AnUnknownStatusWarnsOnceAndPollingGoesOn()
    {
        var source = new ScriptedTaskSource(call => call.Number <= 4 ? TaskAnswers.Unknown(call.Id, "REVIEWING") : TaskAnswers.Succeeded(call.Id));

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(), "odd");

        var warning = Assert.Single(events.OfType<WaitWarningEvent>());
        Assert.Equal("odd", warning.Id);
        Assert.Contains("'REVIEWING'", warning.Message);
        Assert.Equal(1, summary.Succeeded);
    }

    [Fact]
    public async Task ASuccessWithoutOutputIsAskedAgainThenReturnedWithAWarning()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.SucceededWithoutOutput(call.Id));
        var options = WaitTestOptions.Fast();

        var (summary, events) = await WaitRun.RunAsync(source, options, "empty");

        Assert.True(source.Calls.Count >= 2);
        Assert.True(source.Calls.Last().StartedAt - source.Calls.First().StartedAt >= options.NoOutputGrace * 0.9);
        var warning = Assert.Single(events.OfType<WaitWarningEvent>());
        Assert.Contains("no output URL", warning.Message);
        Assert.Equal("empty", Assert.Single(events.OfType<TaskSucceededEvent>()).Task.Id);
        Assert.True(events.ToList().IndexOf(warning) < events.ToList().FindIndex(e => e is TaskSucceededEvent));
        Assert.Equal(1, summary.Succeeded);
    }

    [Fact]
    public async Task ASuccessWhoseOutputArrivesDuringTheGraceNeedsNoWarning()
    {
        var source = new ScriptedTaskSource(call => call.Number == 1 ? TaskAnswers.SucceededWithoutOutput(call.Id) : TaskAnswers.Succeeded(call.Id));

        var (_, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(), "late-output");

        Assert.Empty(events.OfType<WaitWarningEvent>());
        Assert.Single(Assert.Single(events.OfType<TaskSucceededEvent>()).Task.Output);
    }

    [Theory]
    [InlineData(RunwayErrorKind.NotFound)]
    [InlineData(RunwayErrorKind.BadRequest)]
    public async Task ARefusedReadEndsThatTaskOnlyWithOneError(RunwayErrorKind kind)
    {
        var source = new ScriptedTaskSource(call => call.Id == "bad" ? throw TaskAnswers.Error(kind, "HTTP 4xx: no such route") : TaskAnswers.Succeeded(call.Id));

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(), "bad", "good");

        var error = Assert.Single(events.OfType<TaskErrorEvent>());
        Assert.Equal("bad", error.Id);
        Assert.Equal("Task bad cannot be read: HTTP 4xx: no such route.", error.Message);
        Assert.Single(source.CallsFor("bad"));
        Assert.Equal(1, summary.Succeeded);
        Assert.Equal(1, summary.Errors);
    }

    [Theory]
    [InlineData(RunwayErrorKind.Authentication)]
    [InlineData(RunwayErrorKind.QuotaExhausted)]
    public async Task ARefusedKeyStopsEverythingWithThatError(RunwayErrorKind kind)
    {
        var source = new ScriptedTaskSource(call => throw TaskAnswers.Error(kind, "HTTP 401: the API key was refused."));
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, WaitTestOptions.Fast(throttle: 2));
        for (var i = 0; i < 50; i++)
        {
            waiter.Add($"t{i}");
        }

        waiter.CompleteAdding();
        var error = await Assert.ThrowsAsync<RunwayApiException>(() => waiter.RunAsync(CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.DoesNotContain(drain.Finish(), e => e is TaskErrorEvent or TaskSucceededEvent);
        Assert.InRange(source.Calls.Count, 1, 4);
    }

    [Fact]
    public void BadInputIsRefusedClearly()
    {
        var waiter = new RunwayTaskWaiter(new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id)), _ => { });

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => waiter.Add("  ")).Message);
        Assert.Contains("Official or Feed", Assert.Throws<ArgumentException>(() => waiter.Add("x", (RunwayTaskFormat)42)).Message);
        waiter.CompleteAdding();
        Assert.Throws<InvalidOperationException>(() => waiter.Add("late"));
    }

    [Fact]
    public async Task RunAsyncRunsOnce()
    {
        var waiter = new RunwayTaskWaiter(new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id)), _ => { });
        waiter.CompleteAdding();
        await waiter.RunAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiter.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InputArrivingLaterIsPolledAtOnceAndSuccessesAreEmittedBeforeTheInputEnds()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Succeeded(call.Id));
        var events = Channel.CreateUnbounded<WaitEvent>();
        var waiter = new RunwayTaskWaiter(source, e => events.Writer.TryWrite(e), options: WaitTestOptions.Fast());
        var run = waiter.RunAsync(CancellationToken.None);

        waiter.Add("first");
        var firstEvent = await ReadUntilAsync<TaskSucceededEvent>(events.Reader);
        Assert.Equal("first", firstEvent.Task.Id);
        Assert.False(run.IsCompleted);

        waiter.Add("second");
        waiter.CompleteAdding();
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, summary.Succeeded);
    }

    private static async Task<T> ReadUntilAsync<T>(ChannelReader<WaitEvent> events) where T : WaitEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await events.ReadAsync(timeout.Token) is T found)
            {
                return found;
            }
        }
    }
}
