using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class PollScheduleTests
{
    private static readonly WaitOptions Defaults = new();

    [Fact]
    public void DefaultScheduleStartsFastAndBacksOffToThePollInterval()
    {
        var schedule = new PollSchedule(Defaults);

        var delays = Enumerable.Range(0, 6).Select(schedule.BaseDelay).Select(delay => delay.TotalSeconds);

        Assert.Equal(new[] { 1.0, 2, 4, 5, 5, 5 }, delays);
    }

    [Fact]
    public void JitterOnlyLengthensAndStaysWithinTheFraction()
    {
        var schedule = new PollSchedule(Defaults);
        var random = new Random(7);

        for (var step = 0; step < 8; step++)
        {
            var baseDelay = schedule.BaseDelay(step);
            for (var i = 0; i < 200; i++)
            {
                var delay = schedule.NextDelay(step, random);
                Assert.InRange(delay, baseDelay, baseDelay * 1.2);
            }
        }
    }

    [Fact]
    public void JitterSpreadsTasksThatStartedTogether()
    {
        var schedule = new PollSchedule(Defaults);
        var random = new Random(11);

        var steadyDelays = Enumerable.Range(0, 1000).Select(_ => schedule.NextDelay(5, random).TotalMilliseconds).ToList();

        // 1,000 tasks polled in the same instant come back spread over about a second, not together.
        Assert.True(steadyDelays.Max() - steadyDelays.Min() > 800, $"spread {steadyDelays.Max() - steadyDelays.Min()} ms");
        Assert.True(steadyDelays.Distinct().Count() > 900);
        Assert.InRange(steadyDelays.Average(), 5400, 5600);
    }

    [Fact]
    public void NoJitterMeansTheExactSchedule()
    {
        var schedule = new PollSchedule(new WaitOptions { JitterFraction = 0 });

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.NextDelay(10, new Random(1)));
    }

    [Fact]
    public void AnInitialDelayLongerThanTheIntervalIsCappedAtTheInterval()
    {
        var schedule = new PollSchedule(new WaitOptions { InitialPollDelay = TimeSpan.FromSeconds(30) });

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.BaseDelay(0));
    }
}
