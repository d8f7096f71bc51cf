using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Creating;

/// <summary>
/// One 429 pause per connection (base address and key), shared by every creator and client given the same
/// <see cref="ConnectionPauses"/>: after a 429 with Retry-After no create reaches that server inside the window, and
/// another address is not paused. Times are the emulator's arrival records, never durations measured here.
/// </summary>
public sealed class CreatePauseTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly CometApiEmulator emulator = fixture.Fresh();
    private readonly List<string> log = new();

    [Fact]
    public async Task AfterA429NoOtherCreateReachesTheServerInsideItsWindow()
    {
        var pauses = new ConnectionPauses();
        emulator.Faults.Add(FaultRule.RateLimited(Window).On(FaultRoute.Create));
        var first = Creators.For(emulator, log, Options(pauses)).CreateAsync(Request(), CancellationToken.None);
        // Once the 429 is in the log the pause is set; the other creates come from another creator (another command).
        await Eventually.HoldsAsync(() => Logged("-> 429"));

        var others = Creators.For(emulator, null, Options(pauses));
        var created = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => others.CreateAsync(Request(), CancellationToken.None)).Append(first));

        Assert.Equal(6, created.Select(task => task.Id).Distinct().Count());
        var arrivals = emulator.Requests.Select(request => request.Timestamp).Order().ToList();
        Assert.Equal(7, arrivals.Count);
        // The first request got the 429; every other one (the five and the first one's retry) came after its window.
        Assert.All(arrivals.Skip(1), at => Assert.True(at - arrivals[0] >= Window, $"a create arrived {(at - arrivals[0]).TotalMilliseconds} ms after the 429"));
    }

    [Fact]
    public async Task A429FromOneAddressPausesNoOther()
    {
        var pauses = new ConnectionPauses();
        await using var other = await CometApiEmulator.StartAsync();
        other.Tasks.Add(EmulatedTask.Pending("elsewhere-1"));
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(30)).On(FaultRoute.Create));
        var paused = Creators.For(emulator, log, Options(pauses) with { Retry = EmulatorFixture.FastRetries with { Budget = TimeSpan.FromMinutes(1) } })
            .CreateAsync(Request(), CancellationToken.None);
        await Eventually.HoldsAsync(() => Logged("-> 429"));

        var created = await Creators.For(other, null, Options(pauses)).CreateAsync(Request(), CancellationToken.None);
        var read = await new RunwayClient(new CometApiConnection(other.BaseUri, ApiKey.FromString(other.ApiKey)), Options(pauses))
            .GetTaskAsync("elsewhere-1", RunwayTaskFormat.Official, CancellationToken.None);

        // Both went to the other address while the first address was still paused: nothing more reached it.
        Assert.Equal(1, other.CreatedCount);
        Assert.Equal("elsewhere-1", read.Id);
        Assert.False(paused.IsCompleted);
        Assert.Single(emulator.Requests);
        Assert.NotNull(created.Id);
    }

    [Fact]
    public async Task APauseLongerThanTheRetryBudgetFailsACreateUnsentWithoutWaiting()
    {
        var pauses = new ConnectionPauses();
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMinutes(10)).On(FaultRoute.Create));
        await Assert.ThrowsAsync<RunwayCreateException>(() => Creators.For(emulator, log, Options(pauses)).CreateAsync(Request(), CancellationToken.None));

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => Creators.For(emulator, log, Options(pauses)).CreateAsync(Request(), CancellationToken.None));

        Assert.Equal(CreateErrorKind.RateLimited, error.Kind);
        Assert.False(error.TaskMayExist);
        Assert.Contains("was not sent", error.Message);
        Assert.True(error.RetryAfter > TimeSpan.FromMinutes(9));
        Assert.Single(emulator.Requests);
    }

    private static RunwayClientOptions Options(ConnectionPauses pauses) =>
        new() { Retry = EmulatorFixture.FastRetries with { Budget = TimeSpan.FromSeconds(30) }, RequestTimeout = TimeSpan.FromSeconds(20), Pauses = pauses };

    private static ImageToVideoRequest Request() => new() { PromptImage = Creators.Image, PromptText = "a cat walks" };

    private bool Logged(string text)
    {
        lock (log)
        {
            return log.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }
}
