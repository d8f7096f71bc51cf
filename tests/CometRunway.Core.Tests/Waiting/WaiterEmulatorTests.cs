using System.Diagnostics;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Core.Waiting;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>The waiter over the real <see cref="RunwayClient"/> against the emulator on 127.0.0.1.</summary>
public sealed class WaiterEmulatorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public WaiterEmulatorTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Emulator;
        emulator.Reset();
        emulator.ClearRequests();
    }

    /// <summary>As the cmdlet will configure it: no retries inside the client, the waiter paces everything.</summary>
    private RunwayClient Client(string? key = null) =>
        fixture.Client(new RunwayClientOptions { Retry = RetryPolicy.None, RequestTimeout = TimeSpan.FromSeconds(10) }, key);

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public async Task OneTaskIsWaitedForThroughItsRoute(RunwayTaskFormat format)
    {
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("one", Ms(400)));
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(Client(), drain.Report, drain.Verbose, WaitTestOptions.Fast());
        waiter.Add("one", format);
        waiter.CompleteAdding();

        var summary = await waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var task = Assert.Single(drain.Finish().OfType<TaskSucceededEvent>()).Task;
        Assert.Equal(("one", format, RunwayTaskStatus.Succeeded), (task.Id, task.Format, task.Status));
        Assert.Equal(emulator.FileUri("one.mp4"), Assert.Single(task.Output));
        Assert.Equal(summary.Requests, emulator.Requests.Count);
        Assert.All(emulator.Requests, request => Assert.Equal(format == RunwayTaskFormat.Feed ? "POST" : "GET", request.Method));
    }

    [Fact]
    public async Task ManyTasksWithMixedOutcomesEachEndRight()
    {
        var random = new Random(3);
        var expected = new Dictionary<string, RunwayTaskStatus>();
        for (var i = 0; i < 90; i++)
        {
            var id = $"mixed-{i:00}";
            var at = Ms(random.Next(100, 1200));
            switch (i % 3)
            {
                case 0:
                    emulator.Tasks.Add(EmulatedTask.SucceedsAfter(id, at));
                    expected[id] = RunwayTaskStatus.Succeeded;
                    break;
                case 1:
                    emulator.Tasks.Add(EmulatedTask.Fails(id, "The output was rejected", "INTERNAL.BAD_OUTPUT.CODE01", at));
                    expected[id] = RunwayTaskStatus.Failed;
                    break;
                default:
                    emulator.Tasks.Add(new EmulatedTask { Id = id, Timeline = [TimelineStep.Throttled(TimeSpan.Zero), TimelineStep.Cancelled(at)] });
                    expected[id] = RunwayTaskStatus.Cancelled;
                    break;
            }
        }

        var (summary, events) = await WaitRun.RunAsync(Client(), WaitTestOptions.Fast(throttle: 8), expected.Keys.ToArray());

        var ended = events.OfType<TaskSucceededEvent>().Select(e => e.Task)
            .Concat(events.OfType<TaskFailedEvent>().Select(e => e.Task))
            .ToDictionary(task => task.Id, task => task.Status);
        Assert.Equal(expected.OrderBy(p => p.Key), ended.OrderBy(p => p.Key));
        Assert.Contains(events.OfType<TaskFailedEvent>(), e => e.Message == "Task mixed-01 failed: The output was rejected (code INTERNAL.BAD_OUTPUT.CODE01).");
        Assert.Equal(WaitCompletion.AllDone, summary.Completion);
    }

    [Fact]
    public async Task ATaskNotVisibleForAWhileIsWaitedForAndOneNeverVisibleIsNotFound()
    {
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("late", Ms(600)) with { VisibleAfter = Ms(300) });
        emulator.Tasks.Add(EmulatedTask.NeverVisible("ghost"));
        var options = WaitTestOptions.Fast();

        var (summary, events) = await WaitRun.RunAsync(Client(), options, "late", "ghost");

        Assert.Equal("late", Assert.Single(events.OfType<TaskSucceededEvent>()).Task.Id);
        var notFound = Assert.Single(events.OfType<TaskNotFoundEvent>());
        Assert.Equal("ghost", notFound.Id);
        Assert.True(notFound.Waited >= options.NotFoundTimeout);
        // Asked again and again (the span is not asserted: a stall of the process may shorten it).
        Assert.True(emulator.Requests.Count(r => r.Path.EndsWith("/ghost", StringComparison.Ordinal)) >= 3);
        Assert.Equal((1, 1), (summary.Succeeded, summary.NotFound));
    }

    [Fact]
    public async Task NoRequestReachesTheServerBeforeRetryAfterHasPassed()
    {
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("a", Ms(200)));
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("b", Ms(200)));
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(1)).Times(1));

        var (summary, _) = await WaitRun.RunAsync(Client(), WaitTestOptions.Fast(throttle: 1), "a", "b");

        Assert.Equal(2, summary.Succeeded);
        var requests = emulator.Requests;
        // The first request got the 429; the server received the next one at least Retry-After later.
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromSeconds(1),
            $"second request {(requests[1].Timestamp - requests[0].Timestamp).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task A429StormPausesEveryoneAndEveryTaskStillEnds()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"storm-{i:00}").ToArray();
        emulator.Tasks.AddRange(ids.Select(id => EmulatedTask.SucceedsAfter(id, Ms(300))));
        // The first 5 requests pass, the next 12 answer 429 with Retry-After: 1 (milliseconds style keeps it exact).
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.Zero).Times(5));
        emulator.Faults.Add(FaultRule.RateLimited(Ms(700), RetryAfterStyle.Milliseconds).Times(12));

        var (summary, events) = await WaitRun.RunAsync(Client(), WaitTestOptions.Fast(throttle: 4), ids);

        Assert.Equal(40, summary.Succeeded);
        var arrivals = emulator.Requests.Select(r => r.Timestamp).Order().ToList();
        // Requests already on the wire when the 429 came back may arrive any time after it on a loaded machine,
        // so no fixed window is asserted: after the first 429 the server sees a pause close to Retry-After
        // (what is left of it after the last of those requests got through).
        var fromFirst429 = arrivals.Skip(5).ToList();
        var longestPause = fromFirst429.Zip(fromFirst429.Skip(1), (earlier, later) => later - earlier).Max();
        Assert.True(longestPause >= Ms(400), $"the longest pause after the first 429 was {longestPause.TotalMilliseconds} ms");
        Assert.Contains(events.OfType<WaitVerboseEvent>(), e => e.Message.StartsWith("Rate limited (HTTP 429, Retry-After)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerErrorsHtmlPagesAndConnectionResetsDoNotChangeAnyOutcome()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"bumpy-{i:00}").ToArray();
        emulator.Tasks.AddRange(ids.Select((id, i) => i % 2 == 0
            ? EmulatedTask.SucceedsAfter(id, Ms(300 + (i * 20)))
            : EmulatedTask.Fails(id, "moderation", "SAFETY.OUTPUT.VIDEO", Ms(300 + (i * 20)))));
        emulator.Faults.Add(FaultRule.Status(503).Times(15));
        emulator.Faults.Add(FaultRule.Reset().Times(10));
        emulator.Faults.Add(FaultRule.Html(502).Times(5));
        emulator.Faults.Add(FaultRule.Gateway(500, "upstream error").Times(5));

        var (summary, events) = await WaitRun.RunAsync(Client(), WaitTestOptions.Fast(throttle: 6) with { TransientErrorTimeout = TimeSpan.FromSeconds(20) }, ids);

        Assert.Equal((15, 15, 0), (summary.Succeeded, summary.Failed, summary.Errors));
        var retries = events.OfType<WaitVerboseEvent>().Where(e => e.Message.Contains("; retrying in", StringComparison.Ordinal)).ToList();
        Assert.True(retries.Count >= 30, $"{retries.Count} retries logged");
        Assert.Contains(retries, e => e.Message.Contains(": Network (", StringComparison.Ordinal));
        Assert.Contains(retries, e => e.Message.Contains(": ServerError (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedirectEndsEachTaskAtOnceNamingTheBaseAddress()
    {
        await using var elsewhere = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Pending("r1"));
        emulator.Tasks.Add(EmulatedTask.Pending("r2"));
        emulator.Faults.Add(FaultRule.Redirect(elsewhere.OfficialTaskUri("r1").ToString()).Always());
        // A transient-error budget far beyond the test's patience: only an immediate end passes.
        var options = WaitTestOptions.Fast() with { TransientErrorTimeout = TimeSpan.FromMinutes(5) };

        var (summary, events) = await WaitRun.RunAsync(Client(), options, "r1", "r2");

        Assert.Equal((WaitCompletion.AllDone, 2), (summary.Completion, summary.Errors));
        var errors = events.OfType<TaskErrorEvent>().OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["r1", "r2"], errors.Select(e => e.Id));
        Assert.All(errors, e =>
        {
            Assert.Equal(RunwayErrorKind.BadRequest, Assert.IsType<RunwayApiException>(e.Exception).Kind);
            Assert.StartsWith($"Task {e.Id} cannot be read: The server answered HTTP 301", e.Message);
            Assert.EndsWith("check the base address (-BaseUri or COMETAPI_BASE_URL).", e.Message);
            Assert.DoesNotContain("..", e.Message);
        });
        Assert.Equal(2, emulator.Requests.Count);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task TheTimeoutNamesTheStatusEachUnfinishedTaskIsStuckIn()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("queued"));
        emulator.Tasks.Add(new EmulatedTask { Id = "rendering", Timeline = [TimelineStep.Pending(TimeSpan.Zero), TimelineStep.Running(Ms(150), 0.4)] });
        emulator.Tasks.Add(EmulatedTask.Succeeded("done"));
        var client = Client();
        // The first request of a fresh process (connection, JIT) can take most of a second on a loaded machine:
        // paid here, not inside the timeout under test.
        await client.GetTaskAsync("done", RunwayTaskFormat.Official, CancellationToken.None);

        var (summary, events) = await WaitRun.RunAsync(client, WaitTestOptions.Fast(timeout: TimeSpan.FromSeconds(2)), "queued", "rendering", "done");

        Assert.Equal(WaitCompletion.TimedOut, summary.Completion);
        var timeouts = events.OfType<TaskTimedOutEvent>().ToDictionary(e => e.Id, e => e.Message);
        Assert.Equal(2, timeouts.Count);
        // "after 2s" normally; a stalled process may report a later second.
        Assert.Matches(@"^Task queued is still PENDING after \d+s; RUNNING never seen\.$", timeouts["queued"]);
        Assert.Matches(@"^Task rendering is still RUNNING \(40%\) after \d+s; first seen RUNNING \d+m?s ago\.$", timeouts["rendering"]);
        Assert.Single(events.OfType<TaskSucceededEvent>());
    }

    [Fact]
    public async Task AnyReturnsOnTheFirstTaskToEnd()
    {
        emulator.Tasks.Add(EmulatedTask.Running("forever", 0.1));
        emulator.Tasks.Add(EmulatedTask.Fails("quick-fail", "bad prompt", "INPUT_PREPROCESSING.SAFETY", Ms(200)));

        var (summary, events) = await WaitRun.RunAsync(Client(), WaitTestOptions.Fast(any: true), "forever", "quick-fail");

        Assert.Equal(WaitCompletion.Any, summary.Completion);
        Assert.Equal("quick-fail", Assert.Single(events.OfType<TaskFailedEvent>()).Task.Id);
    }

    [Fact]
    public async Task CancellationAbortsRequestsOnTheWireAndSendsNoMore()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"slow-{i:00}").ToArray();
        emulator.Tasks.AddRange(ids.Select(EmulatedTask.Pending));
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(30)).Always());
        var waiter = new RunwayTaskWaiter(Client(), _ => { }, options: WaitTestOptions.Fast(throttle: 5));
        foreach (var id in ids)
        {
            waiter.Add(id);
        }

        using var cancellation = new CancellationTokenSource();
        var run = waiter.RunAsync(cancellation.Token);
        var deadline = Stopwatch.StartNew();
        while (emulator.Requests.Count < 5)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30));
            await Task.Delay(10);
        }

        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        stopwatch.Stop();

        // The requests are held for 30 s: ending well before that shows they were aborted, not awaited.
        // (Generous: a loaded machine may take a while to schedule the cancellation callbacks.)
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"RunAsync took {stopwatch.Elapsed.TotalMilliseconds} ms to end");
        // Once RunAsync has returned nothing more is sent. Compared by count on the server's side only:
        // the server's timestamps and this test's clock are not comparable to the millisecond.
        var sentByTheEnd = emulator.Requests.Count;
        await Task.Delay(1500);
        Assert.Equal(sentByTheEnd, emulator.Requests.Count);
        // With all five slots held, no sixth request could have been started.
        Assert.Equal(5, sentByTheEnd);
    }

    [Fact]
    public async Task ARefusedKeyStopsTheWholeWaitAtOnce()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"k-{i}").ToArray();
        emulator.Tasks.AddRange(ids.Select(EmulatedTask.Pending));
        var waiter = new RunwayTaskWaiter(Client(key: "sk-not-the-right-key-123456"), _ => { }, options: WaitTestOptions.Fast(throttle: 2));
        foreach (var id in ids)
        {
            waiter.Add(id);
        }

        waiter.CompleteAdding();

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(RunwayErrorKind.Authentication, error.Kind);
        Assert.DoesNotContain("sk-not-the-right-key-123456", error.ToString());
        Assert.InRange(emulator.Requests.Count, 1, 2);
    }
}
