using CometRunway.Core.Retry;

namespace CometRunway.Core.Tests.Retry;

/// <summary>The one backoff formula and the one retry decision, shared by the client, the waiter and the downloader.</summary>
public sealed class RetryPolicyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void BackoffDoublesUpToTheCeilingAndJitterOnlyLengthens()
    {
        var random = new Random(7);
        for (var retry = 1; retry <= 10; retry++)
        {
            var floor = TimeSpan.FromTicks(Math.Min(Second.Ticks << (retry - 1), (8 * Second).Ticks));
            var delay = Backoff.Delay(retry, Second, 8 * Second, 0.25, random);
            Assert.InRange(delay, floor, floor * 1.25);
        }
    }

    [Fact]
    public void BackoffWithAnInjectedRandomIsExact()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Backoff.Delay(3, Second, 10 * Second, 0.5, new FixedRandom(0)));
        Assert.Equal(TimeSpan.FromSeconds(6), Backoff.Delay(3, Second, 10 * Second, 0.5, new FixedRandom(1)));
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.Delay(60, Second, 10 * Second, 0, new FixedRandom(0.5)));
    }

    [Fact]
    public void HugeRetryNumbersAndCeilingsDoNotOverflow()
    {
        Assert.Equal(TimeSpan.MaxValue, Backoff.Delay(int.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue, 1, new FixedRandom(1)));
    }

    [Fact]
    public void AttemptsRunOutFirstWhenTheyAreFewer()
    {
        var policy = new RetryPolicy { MaxAttempts = 2 };

        Assert.NotNull(policy.Decide(1, TimeSpan.Zero, null, new Random(1)).Delay);
        var stop = policy.Decide(2, TimeSpan.Zero, null, new Random(1));

        Assert.Null(stop.Delay);
        Assert.Equal(RetryStop.AttemptsUsed, stop.Stop);
        Assert.Empty(stop.Explanation);
    }

    [Fact]
    public void TheBudgetEndsRetriesAndTheLastDelayIsShortenedToFitIt()
    {
        var policy = RetryPolicy.Downloads with { Budget = 10 * Second, BaseDelay = 4 * Second, MaxDelay = 4 * Second, JitterFraction = 0 };

        Assert.Equal(4 * Second, policy.Decide(1, TimeSpan.Zero, null, new Random(1)).Delay);
        Assert.Equal(2 * Second, policy.Decide(5, 8 * Second, null, new Random(1)).Delay);
        var spent = policy.Decide(6, 10 * Second, null, new Random(1));

        Assert.Null(spent.Delay);
        Assert.Equal(RetryStop.BudgetSpent, spent.Stop);
        Assert.Equal("The retry budget of 10 s is spent.", spent.Explanation);
    }

    [Fact]
    public void AServerDelayIsHonouredWithinTheBudgetAndNamedWhenItIsLonger()
    {
        var policy = new RetryPolicy { Budget = 60 * Second };

        Assert.Equal(30 * Second, policy.Decide(1, 20 * Second, 30 * Second, new Random(1)).Delay);
        var tooLong = policy.Decide(1, 20 * Second, 50 * Second, new Random(1));

        Assert.Null(tooLong.Delay);
        Assert.Equal(RetryStop.ServerDelayTooLong, tooLong.Stop);
        Assert.Equal("The server asked to wait 50 s before trying again, longer than the retry budget of 60 s allows; try again later.", tooLong.Explanation);
    }

    [Theory]
    [InlineData(0, 1, 1, 0.1)]
    [InlineData(3, -1, 1, 0.1)]
    [InlineData(3, 1, -1, 0.1)]
    [InlineData(3, 1, 1, 1.5)]
    [InlineData(3, 1, 1, double.NaN)]
    [InlineData(3, 1, 1, 0.1, 2 * 86_400)]
    public void UnusableSettingsAreRefusedWithTheirValues(int attempts, double budgetSeconds, double baseSeconds, double jitter, double maxSeconds = 8)
    {
        var policy = new RetryPolicy
        {
            MaxAttempts = attempts,
            Budget = TimeSpan.FromSeconds(budgetSeconds),
            BaseDelay = TimeSpan.FromSeconds(baseSeconds),
            MaxDelay = TimeSpan.FromSeconds(maxSeconds),
            JitterFraction = jitter,
        };

        var error = Assert.Throws<ArgumentException>(policy.Validate);
        Assert.Contains("retry policy", error.Message);
    }

    [Fact]
    public void TheTransientStatusesAreTheOnesWireFormatLists()
    {
        var transient = Enumerable.Range(100, 500).Where(code => Transient.IsTransientStatus((System.Net.HttpStatusCode)code));

        Assert.Equal([408, 429, 500, 502, 503, 504, 524], transient);
    }

    [Theory]
    [InlineData(0.4, "0.4 s")]
    [InlineData(90, "90 s")]
    [InlineData(600, "10 min")]
    [InlineData(86_400, "24 h")]
    [InlineData(864_000, "10 days")]
    public void DelaysReadAsPeopleSayThem(double seconds, string expected) =>
        Assert.Equal(expected, DelayText.Of(TimeSpan.FromSeconds(seconds)));

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
