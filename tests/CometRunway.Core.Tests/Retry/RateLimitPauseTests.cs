using System.Diagnostics;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Tests.Retry;

public sealed class RateLimitPauseTests
{
    [Fact]
    public void APauseOnlyEverMovesLater()
    {
        var pause = new RateLimitPause();

        Assert.Equal(TimeSpan.Zero, pause.Remaining);
        Assert.True(pause.Extend(TimeSpan.FromMinutes(2)));
        Assert.False(pause.Extend(TimeSpan.FromSeconds(1)));
        Assert.False(pause.Extend(TimeSpan.Zero));
        Assert.InRange(pause.Remaining, TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void AnEndlessPauseDoesNotOverflow()
    {
        var pause = new RateLimitPause();

        Assert.True(pause.Extend(TimeSpan.MaxValue));

        Assert.True(pause.Remaining > TimeSpan.FromDays(365 * 1000));
    }

    [Fact]
    public async Task WaitingLastsUntilTheEndEvenWhenExtendedMeanwhile()
    {
        var pause = new RateLimitPause();
        pause.Extend(TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var waiting = pause.WaitAsync(CancellationToken.None).AsTask();
        pause.Extend(TimeSpan.FromMilliseconds(300));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        // A lower bound only: the wait may end late on a loaded machine, never early.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"waited {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(TimeSpan.Zero, pause.Remaining);
    }

    [Fact]
    public async Task WaitingIsCancellable()
    {
        var pause = new RateLimitPause();
        pause.Extend(TimeSpan.FromHours(3));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pause.WaitAsync(cancellation.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
