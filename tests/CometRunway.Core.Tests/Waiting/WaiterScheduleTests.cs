using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>The waiter's schedule, asserted exactly on a fake clock: no margins, nothing the machine's load can move.</summary>
public sealed class WaiterScheduleTests
{
    private static readonly WaitOptions Options = new() { PollInterval = TimeSpan.FromSeconds(1), ThrottleLimit = 64 };

    private static readonly PollSchedule Schedule = new(Options);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>Where the loop starts a read due at <paramref name="due"/>: the first grid step at or after it.</summary>
    private static TimeSpan Started(TimeSpan due) => Schedule.OnTick(due);

    /// <summary>RUNNING at 50 % when first read, having started 600 ms before (the fake clock's start): it says it ends at 600 ms.</summary>
    private static RunwayTask HalfDoneAfter600Ms(string id) =>
        TaskAnswers.Running(id, 50) with { StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) - TimeSpan.FromMilliseconds(600) };

    private static TimeSpan FirstDelay(double draw) => TimeSpan.FromTicks((long)(Options.PollInterval.Ticks * (1 + (draw * Options.JitterFraction))));

    [Fact]
    public async Task OneTaskIsReadAtOnceThenAfterAJitteredFirstDelayThenOncePerInterval()
    {
        var wait = await FakeClockWait.StartedAsync(Options, call => call.Number < 6 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Succeeded(call.Id), "slow");

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        var second = Started(FirstDelay(FakeClockWait.Draws().First()));
        Assert.InRange(second, Options.PollInterval, (Options.PollInterval * (1 + Options.JitterFraction)) + Schedule.Tick);
        var expected = new[] { TimeSpan.Zero, second }.Concat(Enumerable.Range(1, 4).Select(n => second + (Options.PollInterval * n)));
        Assert.Equal(expected, wait.ReadsOf("slow"));
        Assert.Equal((1, 6L), (summary.Succeeded, summary.Requests));
    }

    [Fact]
    public async Task TasksAddedTogetherSpreadOverTheJitterAndEachKeepsItsPhase()
    {
        // The claim of the old wall-clock test, exactly: 40 tasks read together at 0 take their second reads at the
        // jittered first delays the waiter drew, spread over a fifth of the interval, and from then on one interval apart.
        var ids = Enumerable.Range(0, 40).Select(i => $"t{i}").ToArray();
        var wait = await FakeClockWait.StartedAsync(Options, call => call.Number < 7 ? TaskAnswers.Pending(call.Id) : TaskAnswers.Succeeded(call.Id), ids);

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(40, summary.Succeeded);
        var reads = ids.ToDictionary(id => id, wait.ReadsOf);
        Assert.All(reads.Values, starts => Assert.Equal(TimeSpan.Zero, starts[0]));
        var seconds = reads.Values.Select(starts => starts[1]).Order().ToList();
        // A read due within a millisecond of a grid step the loop wakes at for another task starts with it.
        var due = FakeClockWait.Draws().Take(40).Select(FirstDelay).Order().ToList();
        Assert.All(due.Zip(seconds), pair => Assert.InRange(pair.Second, pair.First - TimeSpan.FromMilliseconds(1), Started(pair.First)));
        Assert.True(seconds[^1] - seconds[0] >= Options.PollInterval * Options.JitterFraction / 2, $"the second reads span only {seconds[^1] - seconds[0]}");
        Assert.All(reads, pair => Assert.Equal(
            Enumerable.Range(0, 6).Select(n => pair.Value[1] + (Options.PollInterval * n)),
            pair.Value.Skip(1)));
    }

    [Fact]
    public async Task ARunningTaskIsReadEarlyWhereItsProgressSaysItHasFinished()
    {
        // First read: RUNNING at 50 % after running 600 ms, so the estimate is 600 ms from now; the early read comes a
        // quarter of the least gap later (650 ms), well before the cadence read (1,000 ms or more), and ends the task.
        var wait = await FakeClockWait.StartedAsync(Options, call => call.Number == 1
            ? HalfDoneAfter600Ms(call.Id)
            : TaskAnswers.Succeeded(call.Id), "linear");

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        var early = Started(TimeSpan.FromMilliseconds(600) + (Schedule.EarlyReadMinimumGap / 4));
        Assert.Equal(new[] { TimeSpan.Zero, early }, wait.ReadsOf("linear"));
        Assert.Equal((1L, 1L), (summary.EarlyReads, summary.EarlyReadHits));
    }

    [Fact]
    public async Task AnEarlyReadThatMissesIsFollowedByTheCadenceReadsNotAnotherEarlyOneWithinTheInterval()
    {
        // The task says 50 % after 600 ms each time it is read, but runs on until its fifth read.
        var wait = await FakeClockWait.StartedAsync(Options, call => call.Number < 5
            ? HalfDoneAfter600Ms(call.Id)
            : TaskAnswers.Succeeded(call.Id), "optimist");

        await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        var starts = wait.ReadsOf("optimist");
        var second = Started(FirstDelay(FakeClockWait.Draws().First()));
        Assert.Equal(TimeSpan.Zero, starts[0]);
        Assert.Equal(Started(TimeSpan.FromMilliseconds(650)), starts[1]);
        Assert.Equal(second, starts[2]);
        for (var i = 2; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 2] >= Options.PollInterval, $"reads {i - 1} to {i + 1} came within {starts[i] - starts[i - 2]}");
        }
    }

    [Fact]
    public async Task ATaskObjectReadMoreThanAnIntervalAgoIsReadAtOnce()
    {
        var wait = new FakeClockWait(Options, call => TaskAnswers.Succeeded(call.Id));
        wait.Waiter.Add(TaskAnswers.Pending("kept") with { RetrievedAt = wait.Clock.GetUtcNow() - TimeSpan.FromSeconds(14) });
        wait.Waiter.CompleteAdding();
        await wait.StartAsync();

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { TimeSpan.Zero }, wait.ReadsOf("kept"));
        Assert.Equal(1, summary.Succeeded);
    }

    [Fact]
    public async Task ATaskObjectReadWithinTheIntervalCountsAsTheFirstReadFromWhenItWasRetrieved()
    {
        var wait = new FakeClockWait(Options, call => TaskAnswers.Succeeded(call.Id));
        var age = TimeSpan.FromMilliseconds(300);
        wait.Waiter.Add(TaskAnswers.Pending("fresh") with { RetrievedAt = wait.Clock.GetUtcNow() - age });
        wait.Waiter.CompleteAdding();
        await wait.StartAsync();

        await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { Started(FirstDelay(FakeClockWait.Draws().First()) - age) }, wait.ReadsOf("fresh"));
    }

    [Fact]
    public async Task ProgressIsWrittenOncePerProgressIntervalWhileATaskStaysPendingWithTheElapsedTime()
    {
        var wait = await FakeClockWait.StartedAsync(Options with { Timeout = TimeSpan.FromSeconds(5) }, call => TaskAnswers.Pending(call.Id), "stuck");

        await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        var snapshots = wait.Events.OfType<WaitProgressEvent>().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(s => TimeSpan.FromSeconds(s)), snapshots.Select(p => p.Elapsed));
        Assert.All(snapshots.Skip(1), p => Assert.Equal("PENDING", Assert.Single(p.Active).Status));
    }

    [Fact]
    public async Task WithEarlyReadsOffARunningTaskIsReadOnlyOnTheCadence()
    {
        var wait = await FakeClockWait.StartedAsync(Options with { EarlyReads = false }, call => call.Number < 4
            ? HalfDoneAfter600Ms(call.Id)
            : TaskAnswers.Succeeded(call.Id), "plain");

        var summary = await wait.RunToEndAsync(TimeSpan.FromSeconds(30));

        var second = Started(FirstDelay(FakeClockWait.Draws().First()));
        Assert.Equal(new[] { TimeSpan.Zero, second, second + Options.PollInterval, second + (Options.PollInterval * 2) }, wait.ReadsOf("plain"));
        Assert.Equal(0L, summary.EarlyReads);
    }
}
