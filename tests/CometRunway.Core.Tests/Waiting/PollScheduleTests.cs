using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class PollScheduleTests
{
    private static readonly WaitOptions Defaults = new();

    [Fact]
    public void DefaultScheduleReadsOncePerIntervalAfterAJitteredFirstDelay()
    {
        var schedule = new PollSchedule(Defaults);

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.Interval);
        Assert.InRange(schedule.FirstDelay(new Random(3)), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.EarlyReadMinimumGap);
    }

    [Fact]
    public void JitterOnlyLengthensAndStaysWithinTheFraction()
    {
        var schedule = new PollSchedule(Defaults);
        var random = new Random(7);

        for (var i = 0; i < 1600; i++)
        {
            var delay = schedule.FirstDelay(random);
            Assert.InRange(delay, schedule.Interval, schedule.Interval * 1.2);
        }
    }

    [Fact]
    public void JitterSpreadsTasksThatStartedTogether()
    {
        var schedule = new PollSchedule(Defaults);
        var random = new Random(11);

        var firstDelays = Enumerable.Range(0, 1000).Select(_ => schedule.FirstDelay(random).TotalMilliseconds).ToList();

        // 1,000 tasks read in the same instant come back spread over about a second, not together.
        Assert.True(firstDelays.Max() - firstDelays.Min() > 800, $"spread {firstDelays.Max() - firstDelays.Min()} ms");
        Assert.True(firstDelays.Distinct().Count() > 900);
        Assert.InRange(firstDelays.Average(), 5400, 5600);
    }

    [Fact]
    public void NoJitterMeansTheExactSchedule()
    {
        var schedule = new PollSchedule(new WaitOptions { JitterFraction = 0 });

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.FirstDelay(new Random(1)));
    }
}
