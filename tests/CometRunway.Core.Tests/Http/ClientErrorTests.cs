using System.Net;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Http;

public sealed class ClientErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public ClientErrorTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Fresh();
        emulator.Tasks.Add(EmulatedTask.Running("task", 0.3));
    }

    private Task<RunwayApiException> Fails(RunwayTaskFormat format = RunwayTaskFormat.Official, string id = "task", string? key = null) =>
        Assert.ThrowsAsync<RunwayApiException>(() => fixture.Client(key: key).GetTaskAsync(id, format, default));

    [Theory]
    [InlineData(RunwayTaskFormat.Official, false)]
    [InlineData(RunwayTaskFormat.Feed, false)]
    [InlineData(RunwayTaskFormat.Official, true)]
    [InlineData(RunwayTaskFormat.Feed, true)]
    public async Task TaskNotExistMeansNotVisibleYetWhetherIn400Or200(RunwayTaskFormat format, bool insideOk)
    {
        emulator.Tasks.Add(EmulatedTask.NeverVisible("fresh", insideOk));

        var error = await Fails(format, "fresh");

        Assert.Equal(RunwayErrorKind.TaskNotVisible, error.Kind);
        Assert.Equal("fresh", error.TaskId);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task WrongKeyIsAnAuthenticationErrorThatIsNotRetriedAndNotQuoted()
    {
        var error = await Fails(key: "sk-wrong-key-0123456789abcdef");

        Assert.Equal(RunwayErrorKind.Authentication, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("sk-wrong-key-0123456789abcdef", error.ToString());
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task KeyEchoedByTheServerIsRedactedFromMessageAndExcerpt()
    {
        emulator.Faults.Add(FaultRule.Gateway(400, $"invalid token {emulator.ApiKey} (request id: r1)"));

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.BadRequest, error.Kind);
        Assert.DoesNotContain(emulator.ApiKey, error.ToString());
        Assert.DoesNotContain(emulator.ApiKey, error.BodyExcerpt ?? string.Empty);
        Assert.Contains("****", error.Message);
    }

    [Fact]
    public async Task NotFoundIsNotRetried()
    {
        emulator.Faults.Add(FaultRule.Status(404, """{"error":{"message":"no such task","type":"not_found","code":"not_found"}}"""));

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.NotFound, error.Kind);
        Assert.Contains("no such task", error.Message);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task QuotaExhaustedIsNotRetried()
    {
        emulator.Faults.Add(FaultRule.QuotaExhausted() with { Count = null });

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.QuotaExhausted, error.Kind);
        Assert.Single(emulator.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(524)]
    [InlineData(408)]
    public async Task TransientStatusesAreRetriedThenSucceed(int status)
    {
        emulator.Faults.Add(FaultRule.Status(status) with { Count = 2 });

        var task = await fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default);

        Assert.Equal(RunwayTaskStatus.Running, task.Status);
        Assert.Equal(3, emulator.Requests.Count);
    }

    [Fact]
    public async Task PersistentServerErrorEndsAfterMaxAttemptsWithTheCount()
    {
        emulator.Faults.Add(FaultRule.Gateway(503, "upstream overloaded (request id: x)") with { Count = null });

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.ServerError, error.Kind);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, emulator.Requests.Count);
        Assert.Contains("upstream overloaded", error.Message);
    }

    [Fact]
    public async Task ConnectionResetIsANetworkErrorAndIsRetried()
    {
        emulator.Faults.Add(FaultRule.Reset() with { Count = 1 });

        var task = await fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default);

        Assert.Equal("task", task.Id);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterSecondsIsHonouredBeforeTheNextAttempt()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(1)) with { Count = 1 });

        await fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default);

        var requests = emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromMilliseconds(950),
            $"second request came {(requests[1].Timestamp - requests[0].Timestamp).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task RetryAfterHttpDateIsHonoured()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(2), RetryAfterStyle.HttpDate) with { Count = 1 });

        await fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default);

        var requests = emulator.Requests;
        // An HTTP date has whole-second precision, so the wait can be up to a second shorter than asked.
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task RetryAfterLongerThanTheCapEndsRetriesWithTheDelay()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMinutes(10)) with { Count = null });

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Single(emulator.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(200)]
    public async Task HtmlPagesAreReportedWithAnExcerpt(int status)
    {
        emulator.Faults.Add(FaultRule.Html(status, "<html><body><h1>Bad Gateway</h1>nginx</body></html>") with { Count = null });

        var error = await Fails();

        Assert.Contains("Bad Gateway", error.Message);
        Assert.Equal(status == 200 ? RunwayErrorKind.MalformedResponse : RunwayErrorKind.ServerError, error.Kind);
    }

    [Fact]
    public async Task TruncatedJsonIsAMalformedResponseQuotingTheBody()
    {
        emulator.Faults.Add(FaultRule.Truncated());

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.NotNull(error.BodyExcerpt);
        Assert.Contains(error.BodyExcerpt!, error.Message);
    }

    [Fact]
    public async Task RedirectsAreNotFollowedSoTheKeyNeverLeavesTheApiHost()
    {
        await using var elsewhere = await CometApiEmulator.StartAsync();
        emulator.Faults.Add(FaultRule.Redirect(elsewhere.OfficialTaskUri("task").ToString()));

        var error = await Fails();

        Assert.Equal(RunwayErrorKind.BadRequest, error.Kind);
        Assert.Contains($"redirecting to '{elsewhere.OfficialTaskUri("task")}'", error.Message);
        Assert.EndsWith("check the base address (-BaseUri or COMETAPI_BASE_URL).", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Single(emulator.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task UnreachableHostIsANetworkError()
    {
        var port = emulator.BaseUri.Port;
        await using (var closed = await CometApiEmulator.StartAsync())
        {
            port = closed.BaseUri.Port;
        }

        var client = new RunwayClient(
            new CometApiConnection(new Uri($"http://127.0.0.1:{port}/"), ApiKey.FromString("sk-x")),
            new RunwayClientOptions { Retry = EmulatorFixture.FastRetries });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("task", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.Network, error.Kind);
        Assert.Equal(3, error.Attempts);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }
}
