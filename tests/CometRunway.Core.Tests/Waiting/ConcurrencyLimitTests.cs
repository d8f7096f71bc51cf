using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>The controller alone, on a made-up clock: no timing involved.</summary>
public sealed class ConcurrencyLimitTests
{
    private static readonly TimeSpan Rtt = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ItDoublesEveryRoundTripWhileReadsQueueUpToTheCeiling()
    {
        var limit = new ConcurrencyLimit(initial: 8, ceiling: 256);
        var now = TimeSpan.Zero;

        var perRound = new List<int>();
        for (var round = 0; round < 8; round++)
        {
            now += Rtt;
            var inFlight = limit.Current;
            for (var i = 0; i < inFlight; i++)
            {
                limit.OnAnswer(now - Rtt, Rtt, now, backlogged: true);
            }

            perRound.Add(limit.Current);
        }

        Assert.Equal([16, 32, 64, 128, 256, 256, 256, 256], perRound);
    }

    [Fact]
    public void WithoutQueuedReadsItDoesNotGrow()
    {
        var limit = new ConcurrencyLimit(initial: 8, ceiling: 256);

        for (var i = 0; i < 1000; i++)
        {
            limit.OnAnswer(TimeSpan.Zero, Rtt, Rtt, backlogged: false);
        }

        Assert.Equal(8, limit.Current);
    }

    [Fact]
    public void A429HalvesItOncePerRoundTripAndEndsTheFastGrowth()
    {
        var limit = new ConcurrencyLimit(initial: 64, ceiling: 256);
        var now = TimeSpan.FromSeconds(10);

        // A burst of 429s to reads that were all in flight together counts once.
        for (var i = 0; i < 20; i++)
        {
            limit.OnRateLimited(now - Rtt, now);
        }

        Assert.Equal(32, limit.Current);

        // A read started after that decrease may decrease again.
        limit.OnRateLimited(now + TimeSpan.FromMilliseconds(1), now + Rtt);
        Assert.Equal(16, limit.Current);

        // Growth after a 429 is about one per round trip (the answers of the reads in flight), not one per answer.
        for (var i = 0; i < 17; i++)
        {
            limit.OnAnswer(now + Rtt, Rtt, now + (2 * Rtt), backlogged: true);
        }

        Assert.Equal(17, limit.Current);
    }

    [Fact]
    public void RisingLatencyShrinksItAndNeverBelowOne()
    {
        var limit = new ConcurrencyLimit(initial: 100, ceiling: 256);
        var now = TimeSpan.Zero;
        for (var i = 0; i < 50; i++)
        {
            now += TimeSpan.FromMilliseconds(10);
            limit.OnAnswer(now - Rtt, Rtt, now, backlogged: false);
        }

        // The server now answers in a second instead of 100 ms: queueing, not work.
        for (var i = 0; i < 40; i++)
        {
            now += TimeSpan.FromMilliseconds(1100);
            limit.OnAnswer(now - TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), now, backlogged: true);
        }

        Assert.InRange(limit.Current, 1, 10);
    }

    [Fact]
    public void ACapGivenByTheCallerIsNeverExceeded()
    {
        var limit = new ConcurrencyLimit(initial: 5, ceiling: 5);

        for (var i = 0; i < 100; i++)
        {
            limit.OnAnswer(TimeSpan.Zero, Rtt, Rtt, backlogged: true);
        }

        Assert.Equal(5, limit.Current);
    }
}
