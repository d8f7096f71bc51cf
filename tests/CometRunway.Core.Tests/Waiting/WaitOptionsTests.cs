using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaitOptionsTests
{
    public static TheoryData<WaitOptions, string> BadOptions => new()
    {
        { new WaitOptions { ThrottleLimit = 0 }, nameof(WaitOptions.ThrottleLimit) },
        { new WaitOptions { PollInterval = TimeSpan.Zero }, nameof(WaitOptions.PollInterval) },
        { new WaitOptions { ThrottleLimit = WaitOptions.MaxThrottleLimit + 1 }, nameof(WaitOptions.ThrottleLimit) },
        { new WaitOptions { NotFoundTimeout = TimeSpan.FromSeconds(-1) }, nameof(WaitOptions.NotFoundTimeout) },
        { new WaitOptions { Timeout = TimeSpan.FromSeconds(-2) }, nameof(WaitOptions.Timeout) },
        { new WaitOptions { JitterFraction = 1.5 }, nameof(WaitOptions.JitterFraction) },
        { new WaitOptions { MaxProgressChildren = -1 }, nameof(WaitOptions.MaxProgressChildren) },
        { new WaitOptions { MaxRateLimitFallbackDelay = TimeSpan.FromMilliseconds(1) }, nameof(WaitOptions.MaxRateLimitFallbackDelay) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadValuesAreRefusedWithTheirName(WaitOptions options, string name)
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Pending(call.Id));

        var error = Assert.Throws<ArgumentException>(() => new RunwayTaskWaiter(source, _ => { }, options: options));

        Assert.Equal(name, error.ParamName);
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void DefaultsFollowRunwaysAdvice()
    {
        var options = new WaitOptions();

        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        // No fixed limit: the wait finds the concurrency the cadence needs, within a documented ceiling.
        Assert.Null(options.ThrottleLimit);
        Assert.Equal(256, WaitOptions.MaxThrottleLimit);
        Assert.Equal(TimeSpan.FromMinutes(5), options.NotFoundTimeout);
        Assert.Null(options.Timeout);
        options.Validate();
    }
}
