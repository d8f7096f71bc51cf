using System.Net;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;

namespace CometRunway.Core.Tests.Emulator;

/// <summary>
/// Faults on the create routes: a proxy's own answer makes nothing (unless told otherwise); a late, cut or missing
/// answer comes after the task was made. The created-task count tells a test which happened.
/// </summary>
public sealed class CreateFaultTests(ClockedEmulatorFixture fixture) : IClassFixture<ClockedEmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();

    [Fact]
    public async Task AProxyErrorMakesNoTaskUnlessItCameAfterCreating()
    {
        emulator.Faults.Add(FaultRule.Gateway(502, "upstream error").On(FaultRoute.Create));
        emulator.Faults.Add(FaultRule.Status(500).On(FaultRoute.Create).AfterCreating());
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var before = await PostAsync(client);
        var countAfterProxy = emulator.CreatedCount;
        using var after = await PostAsync(client);
        using var clean = await PostAsync(client);

        Assert.Equal(HttpStatusCode.BadGateway, before.StatusCode);
        Assert.Equal(0, countAfterProxy);
        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, clean.StatusCode);
        Assert.Equal(2, emulator.CreatedCount);
    }

    [Fact]
    public async Task ADroppedConnectionComesAfterTheTaskWasMade()
    {
        emulator.Faults.Add(FaultRule.Drop().On(FaultRoute.Create));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var failure = await Record.ExceptionAsync(() => PostAsync(client));

        Assert.IsAssignableFrom<HttpRequestException>(failure);
        Assert.Equal(1, emulator.CreatedCount);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task AResetMidAnswerComesAfterTheTaskWasMade()
    {
        emulator.Faults.Add(FaultRule.Reset().On(FaultRoute.Create));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await PostAsync(client);
            await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(failure is HttpRequestException or IOException, $"expected a network failure, got {failure}");
        Assert.Equal(1, emulator.CreatedCount);
    }

    [Fact]
    public async Task AClientThatTimesOutDuringADelayLeavesTheTaskMade()
    {
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMinutes(10)).On(FaultRoute.Create));
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var failure = await Record.ExceptionAsync(() => client.PostCreateAsync(
            CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo), cancellationToken: impatient.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.Equal(1, emulator.CreatedCount);
    }

    [Fact]
    public async Task TaskRouteFaultsLeaveCreatesAloneAndAnyRouteFaultsReachThem()
    {
        emulator.Faults.Add(FaultRule.Status(503).On(FaultRoute.Official).Always());
        emulator.Faults.Add(FaultRule.Status(503).On(FaultRoute.Feed).Always());
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var unaffected = await PostAsync(client);
        emulator.Faults.Clear();
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(3)));
        using var limited = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(1, emulator.CreatedCount);
    }

    [Fact]
    public async Task CreateFaultsCanBeAddedOverTheControlEndpoint()
    {
        using var control = EmulatorHttp.Client(emulator);
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var drop = await control.PostAsync("_emulator/faults", EmulatorHttp.Json("""{"kind":"drop","route":"create"}"""));
        using var afterCreating = await control.PostAsync("_emulator/faults", EmulatorHttp.Json("""{"kind":"status","status":502,"route":"create","createsTask":true}"""));
        var dropped = await Record.ExceptionAsync(() => PostAsync(client));
        using var gateway = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterCreating.StatusCode);
        Assert.IsAssignableFrom<HttpRequestException>(dropped);
        Assert.Equal(HttpStatusCode.BadGateway, gateway.StatusCode);
        Assert.Equal(2, emulator.CreatedCount);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostCreateAsync(CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo));
}
