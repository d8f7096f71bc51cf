using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaitMessagesTests
{
    [Theory]
    [InlineData(0.35, "350ms")]
    [InlineData(40, "40s")]
    [InlineData(720, "12m")]
    [InlineData(1503, "25m 3s")]
    [InlineData(3900, "1h 5m")]
    public void DurationsReadLikeAPersonWouldSayThem(double seconds, string expected) =>
        Assert.Equal(expected, WaitMessages.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void APendingTaskSaysRunningWasNeverSeen()
    {
        var watch = new TaskWatch("t1", RunwayTaskFormat.Official, 0, TimeSpan.Zero);
        watch.Record(TaskAnswers.Pending("t1"), TimeSpan.FromSeconds(1));

        var message = WaitMessages.StillWaiting(watch, TimeSpan.FromSeconds(1503));

        Assert.Equal("Task t1 is still PENDING after 25m 3s; RUNNING never seen.", message);
    }

    [Fact]
    public void ARunningTaskSaysSinceWhenItRuns()
    {
        var watch = new TaskWatch("t2", RunwayTaskFormat.Official, 0, TimeSpan.Zero);
        watch.Record(TaskAnswers.Pending("t2"), TimeSpan.FromSeconds(1));
        watch.Record(TaskAnswers.Running("t2", 10), TimeSpan.FromMinutes(9));
        watch.Record(TaskAnswers.Running("t2", 40), TimeSpan.FromMinutes(11));

        var message = WaitMessages.StillWaiting(watch, TimeSpan.FromMinutes(12));

        Assert.Equal("Task t2 is still RUNNING (40%) after 12m; first seen RUNNING 3m ago.", message);
    }

    [Fact]
    public void ATimeoutOfTwoSecondsSaysTwoSecondsNotOne()
    {
        // Issue 10.13: the task was added a few milliseconds after the wait started, so at the deadline it had
        // waited 1.99 s; cutting that said "after 1s".
        var watch = new TaskWatch("t5", RunwayTaskFormat.Official, 0, TimeSpan.FromMilliseconds(8));
        watch.Record(TaskAnswers.Pending("t5"), TimeSpan.FromMilliseconds(9));

        Assert.Equal("Task t5 is still PENDING after 2s; RUNNING never seen.", WaitMessages.StillWaiting(watch, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(1.998, "2s")]
    [InlineData(59.6, "1m")]
    [InlineData(3599.7, "1h")]
    public void DurationsAreRoundedNotCut(double seconds, string expected) =>
        Assert.Equal(expected, WaitMessages.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void AnInvisibleTaskSaysSo()
    {
        var watch = new TaskWatch("t3", RunwayTaskFormat.Feed, 0, TimeSpan.Zero) { NotVisibleSince = TimeSpan.Zero };

        Assert.Equal("Task t3 is still not visible (task_not_exist) after 2m.", WaitMessages.StillWaiting(watch, TimeSpan.FromMinutes(2)));
    }

    [Theory]
    [InlineData("The server is busy.", "Task t4 could not be read in 2m; the last read failed: The server is busy.")]
    [InlineData("Is the address right?", "Task t4 could not be read in 2m; the last read failed: Is the address right?")]
    [InlineData("Bad gateway", "Task t4 could not be read in 2m; the last read failed: Bad gateway.")]
    public void AnErrorMessageThatEndsASentenceGetsNoSecondPeriod(string error, string expected)
    {
        var watch = new TaskWatch("t4", RunwayTaskFormat.Official, 0, TimeSpan.Zero) { LastError = new InvalidOperationException(error) };

        Assert.Equal(expected, WaitMessages.StillWaiting(watch, TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void AFailureReasonThatEndsASentenceGetsNoSecondPeriod() =>
        Assert.Equal("Task f failed: The prompt was flagged.", WaitMessages.Failure(TaskAnswers.Failed("f", "The prompt was flagged.", null)));

    [Theory]
    [InlineData("Moderation", "SAFETY.INPUT.TEXT", "Task f failed: Moderation (code SAFETY.INPUT.TEXT).")]
    [InlineData("Moderation", null, "Task f failed: Moderation.")]
    [InlineData(null, "INTERNAL.BAD_OUTPUT.CODE01", "Task f failed with code INTERNAL.BAD_OUTPUT.CODE01.")]
    [InlineData(null, null, "Task f failed without a reason.")]
    public void FailuresNameTheirReasonAndCode(string? reason, string? code, string expected) =>
        Assert.Equal(expected, WaitMessages.Failure(TaskAnswers.Failed("f", reason, code)));

    [Fact]
    public void CancellationsSaySo() =>
        Assert.Equal("Task c was cancelled without a reason.", WaitMessages.Failure(TaskAnswers.Cancelled("c")));
}
