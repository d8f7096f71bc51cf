using System.Collections.Concurrent;
using CometRunway.Core.Http;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaiterPacingTests
{
    /// <summary>The wall-clock smoke test of the schedule (real timers); WaiterScheduleTests asserts it exactly on a fake clock.</summary>
    [Fact]
    public async Task OneTaskIsReadAtOnceThenOncePerIntervalNeverSooner()
    {
        var source = new ScriptedTaskSource(call => call.Number < 8 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Succeeded(call.Id));
        var options = WaitTestOptions.Fast();

        await WaitRun.RunAsync(source, options, "slow");

        var starts = source.CallsFor("slow").Select(call => call.StartedAt).ToList();
        Assert.Equal(8, starts.Count);
        for (var i = 1; i < starts.Count; i++)
        {
            // Lower bounds only: the interval (timer resolution allows a millisecond or two).
            Assert.True(starts[i] - starts[i - 1] >= options.PollInterval - TimeSpan.FromMilliseconds(1),
                $"read {i + 1} came {(starts[i] - starts[i - 1]).TotalMilliseconds} ms after read {i}");
        }
    }

    [Fact]
    public async Task NeverMoreRequestsInFlightThanTheThrottleLimit()
    {
        var ids = Enumerable.Range(0, 60).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number < 3 ? TaskAnswers.Running(call.Id) : TaskAnswers.Succeeded(call.Id))
        {
            Latency = TimeSpan.FromMilliseconds(15),
        };

        var (summary, _) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(throttle: 5), ids);

        Assert.Equal(60, summary.Succeeded);
        Assert.Equal(5, source.MaxInFlight);
    }

    [Fact]
    public async Task WithoutAThrottleLimitConcurrencyGrowsToWhatTheCadenceNeeds()
    {
        // 300 tasks read every 100 ms with 50 ms per read need about 150 in flight; the waiter starts at 8.
        var ids = Enumerable.Range(0, 300).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number < 4 ? TaskAnswers.Running(call.Id) : TaskAnswers.Succeeded(call.Id))
        {
            Latency = TimeSpan.FromMilliseconds(50),
        };

        var (summary, _) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(throttle: null), ids);

        Assert.Equal(300, summary.Succeeded);
        Assert.InRange(source.MaxInFlight, 33, WaitOptions.MaxThrottleLimit);
        Assert.Equal(source.MaxInFlight, summary.PeakInFlight);
    }

    // Keeping every other read out of the window is the connection's pause, in the sender: WaiterEmulatorTests
    // (NoRequestReachesTheServerBeforeRetryAfterHasPassed, A429StormPausesEveryoneAndEveryTaskStillEnds) assert it on the
    // wire. The waiter's own part is to put the refused read back for the server's Retry-After.
    [Fact]
    public async Task A429PutsTheRefusedReadBackForItsRetryAfter()
    {
        var retryAfter = TimeSpan.FromMilliseconds(400);
        var source = new ScriptedTaskSource(call => call.Number switch
        {
            1 when call.Id == "a" => throw TaskAnswers.RateLimited(retryAfter),
            1 => TaskAnswers.Pending(call.Id),
            _ => TaskAnswers.Succeeded(call.Id),
        });

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(throttle: 1), "a", "b", "c");

        Assert.Equal(3, summary.Succeeded);
        var reads = source.Calls.Where(call => call.Id == "a").ToList();
        Assert.Equal(2, reads.Count);
        Assert.True(reads[1].StartedAt - reads[0].StartedAt >= retryAfter,
            $"task a was read again {(reads[1].StartedAt - reads[0].StartedAt).TotalMilliseconds} ms after its 429");
        Assert.Contains(events.OfType<WaitVerboseEvent>(), e => e.Message.StartsWith("Rate limited (HTTP 429, Retry-After); no request for 0.4s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A429StormWithRetryAfterLeavesAGapInEveryTasksRequests()
    {
        var retryAfter = TimeSpan.FromMilliseconds(500);
        var ids = Enumerable.Range(0, 30).Select(i => $"t{i}").ToArray();
        var refused = new ConcurrentDictionary<string, bool>();
        var storm = 0;
        var source = new ScriptedTaskSource(call =>
        {
            // Every read in the first burst after the first 10 answers 429; afterwards all succeed.
            if (call.Number == 1 && Interlocked.Increment(ref storm) is > 10 and <= 20)
            {
                refused[call.Id] = true;
                throw TaskAnswers.RateLimited(retryAfter);
            }

            return call.Number < 3 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Succeeded(call.Id);
        })
        { Latency = TimeSpan.FromMilliseconds(5) };

        var (summary, _) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(throttle: 4), ids);

        Assert.Equal(30, summary.Succeeded);
        Assert.Equal(10, refused.Count);
        foreach (var id in refused.Keys)
        {
            var reads = source.Calls.Where(call => call.Id == id).OrderBy(call => call.StartedAt).ToList();
            // The refused read's start to the next start: Retry-After at least (10% margin for the clocks).
            Assert.True(reads[1].StartedAt - reads[0].StartedAt >= retryAfter * 0.9,
                $"task {id} was read again {(reads[1].StartedAt - reads[0].StartedAt).TotalMilliseconds} ms after its 429");
        }
    }

    [Fact]
    public async Task A429WithoutRetryAfterPausesWithAGrowingFallback()
    {
        var source = new ScriptedTaskSource(call => call.Number <= 2 ? throw TaskAnswers.RateLimited(null) : TaskAnswers.Succeeded(call.Id));
        var options = WaitTestOptions.Fast(throttle: 1);

        await WaitRun.RunAsync(source, options, "a");

        var starts = source.Calls.Select(call => call.StartedAt).ToList();
        Assert.Equal(3, starts.Count);
        Assert.True(starts[1] - starts[0] >= options.RateLimitFallbackDelay);
        Assert.True(starts[2] - starts[1] >= options.RateLimitFallbackDelay * 2);
    }

    [Theory]
    [InlineData(RunwayErrorKind.ServerError)]
    [InlineData(RunwayErrorKind.Network)]
    [InlineData(RunwayErrorKind.Timeout)]
    [InlineData(RunwayErrorKind.MalformedResponse)]
    public async Task TransientErrorBurstsAreRetriedAndEveryTaskStillEndsRight(RunwayErrorKind kind)
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number switch
        {
            <= 2 => throw TaskAnswers.Error(kind, "HTTP 503 Service Unavailable"),
            3 => TaskAnswers.Running(call.Id, 50),
            _ => int.Parse(call.Id[1..]) % 2 == 0 ? TaskAnswers.Succeeded(call.Id) : TaskAnswers.Failed(call.Id),
        });

        var (summary, events) = await WaitRun.RunAsync(source, WaitTestOptions.Fast(), ids);

        Assert.Equal(20, summary.Succeeded);
        Assert.Equal(20, summary.Failed);
        Assert.Equal(0, summary.Errors);
        Assert.Contains(events.OfType<WaitVerboseEvent>(), e => e.Message.Contains($"{kind} (HTTP 503 Service Unavailable); retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStallLongerThanTheTransientLimitBetweenTwoErrorsDoesNotEndTheTask()
    {
        // The second read hangs past the whole transient-error limit (as after a laptop slept, or a starved
        // process): two failed reads are not enough to give up, and the third read succeeds.
        var options = WaitTestOptions.Fast();
        var source = new ScriptedTaskSource(call => call.Number switch
        {
            1 => throw TaskAnswers.Error(RunwayErrorKind.Network, "the connection was reset"),
            2 => throw TaskAnswers.Error(RunwayErrorKind.Network, "the connection was reset"),
            _ => TaskAnswers.Succeeded(call.Id),
        })
        { LatencyOf = call => call.Number == 2 ? options.TransientErrorTimeout * 1.5 : TimeSpan.Zero };

        var (summary, events) = await WaitRun.RunAsync(source, options, "napping");

        Assert.Equal((1, 0), (summary.Succeeded, summary.Errors));
        Assert.Equal(3, source.CallsFor("napping").Count);
        Assert.Empty(events.OfType<TaskErrorEvent>());
    }

    [Fact]
    public async Task AStallLongerThanTheNotFoundLimitOnTheFirstAnswerDoesNotEndTheTask()
    {
        var options = WaitTestOptions.Fast();
        var source = new ScriptedTaskSource(call => call.Number == 1 ? throw TaskAnswers.NotVisible(call.Id) : TaskAnswers.Succeeded(call.Id))
        {
            LatencyOf = call => call.Number == 1 ? options.NotFoundTimeout * 1.5 : TimeSpan.Zero,
        };

        var (summary, _) = await WaitRun.RunAsync(source, options, "fresh");

        Assert.Equal((1, 0), (summary.Succeeded, summary.NotFound));
        Assert.Equal(2, source.CallsFor("fresh").Count);
    }

    [Fact]
    public async Task ATaskThatOnlyEverErrorsEndsAsOneErrorAfterTheTransientLimit()
    {
        var source = new ScriptedTaskSource(call => call.Id == "down" ? throw TaskAnswers.Error(RunwayErrorKind.ServerError, "HTTP 502 Bad Gateway") : TaskAnswers.Succeeded(call.Id));
        var options = WaitTestOptions.Fast();

        var (summary, events) = await WaitRun.RunAsync(source, options, "down", "up");

        var error = Assert.Single(events.OfType<TaskErrorEvent>());
        Assert.Equal("down", error.Id);
        Assert.StartsWith("Task down could not be read for", error.Message);
        Assert.EndsWith("the last attempt failed: HTTP 502 Bad Gateway.", error.Message);
        Assert.Equal(RunwayErrorKind.ServerError, Assert.IsType<RunwayApiException>(error.Exception).Kind);
        Assert.True(source.CallsFor("down").Count >= 3);
        Assert.Equal(1, summary.Succeeded);
    }
}
