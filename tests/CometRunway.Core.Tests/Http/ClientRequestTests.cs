using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Http;

public sealed class ClientRequestTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public ClientRequestTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Fresh();
    }

    [Fact]
    public async Task OfficialRouteSendsBearerKeyAcceptUserAgentAndTheDefaultVersion()
    {
        emulator.Tasks.Add(EmulatedTask.Succeeded("t-1"));

        var task = await fixture.Client().GetTaskAsync("t-1", RunwayTaskFormat.Official, default);

        Assert.Equal(RunwayTaskStatus.Succeeded, task.Status);
        Assert.Equal(RunwayTaskFormat.Official, task.Format);
        var request = Assert.Single(emulator.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/runwayml/v1/tasks/t-1", request.Path);
        Assert.Equal("Bearer " + emulator.ApiKey, request.Headers["Authorization"]);
        Assert.StartsWith("CometRunway/", request.Headers["User-Agent"]);
        Assert.Contains("application/json", request.Headers["Accept"]);
        // Both Runway SDKs send a version on every request, and the official create routes require one.
        Assert.Equal(RunwayClientOptions.DefaultRunwayVersion, request.Headers["X-Runway-Version"]);
        Assert.Equal("2024-11-06", RunwayClientOptions.DefaultRunwayVersion);
        Assert.Equal("2024-11-06", task.RunwayVersion);
    }

    [Fact]
    public async Task FeedRoutePostsTheTaskIdAsJson()
    {
        emulator.Tasks.Add(EmulatedTask.Running("feed-1", 0.5));

        var task = await fixture.Client().GetTaskAsync("feed-1", RunwayTaskFormat.Feed, default);

        Assert.Equal(RunwayTaskStatus.Running, task.Status);
        Assert.Equal(RunwayTaskFormat.Feed, task.Format);
        var request = Assert.Single(emulator.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/runway/feed", request.Path);
        Assert.Equal("""{"task_id":"feed-1"}""", request.Body);
        Assert.Contains("application/json", request.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public async Task VersionHeaderIsSentAndRecordedOnTheTask(RunwayTaskFormat format)
    {
        emulator.Tasks.Add(EmulatedTask.Pending("v-1"));
        var client = fixture.Client(new RunwayClientOptions { RunwayVersion = "2024-11-06" });

        var task = await client.GetTaskAsync("v-1", format, default);

        Assert.Equal("2024-11-06", Assert.Single(emulator.Requests).Headers["X-Runway-Version"]);
        Assert.Equal("2024-11-06", task.RunwayVersion);
        Assert.Equal(emulator.BaseUri, task.BaseUri);
    }

    [Theory]
    [InlineData("a/b", "/runwayml/v1/tasks/a%2Fb")]
    [InlineData("a?x=1#f", "/runwayml/v1/tasks/a%3Fx%3D1%23f")]
    [InlineData("sp ace", "/runwayml/v1/tasks/sp%20ace")]
    [InlineData("100%", "/runwayml/v1/tasks/100%25")]
    [InlineData("..%2F..", "/runwayml/v1/tasks/..%252F..")]
    public async Task TaskIdIsEscapedAsOnePathSegment(string id, string expectedTarget)
    {
        emulator.Tasks.Add(EmulatedTask.Pending(id));

        var task = await fixture.Client().GetTaskAsync(id, RunwayTaskFormat.Official, default);

        Assert.Equal(id, task.Id);
        Assert.Equal(expectedTarget, Assert.Single(emulator.Requests).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("..")]
    [InlineData("a\nb")]
    public async Task InvalidIdsFailBeforeAnyRequest(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client().GetTaskAsync(id, RunwayTaskFormat.Official, default));

        Assert.DoesNotContain("Parameter", error.Message);
        Assert.Empty(emulator.Requests);
    }

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public async Task ALoneSurrogateIsRefusedNotReplacedByAnotherCharacter(RunwayTaskFormat format)
    {
        // Written here, not as theory data: xunit's case serialization would itself replace a lone surrogate.
        emulator.Tasks.Add(EmulatedTask.Pending("ab\ufffd"));
        foreach (var id in new[] { "ab\ud800", "\udc00ab", "a\udc00\ud800b" })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client().GetTaskAsync(id, format, default));
            Assert.Contains("lone UTF-16 surrogate", error.Message);
        }

        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task APairedSurrogateIsAnOrdinaryCharacter()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("clip-\U0001F3AC"));

        var task = await fixture.Client().GetTaskAsync("clip-\U0001F3AC", RunwayTaskFormat.Official, default);

        Assert.Equal("clip-\U0001F3AC", task.Id);
    }

    [Fact]
    public async Task CancellationStopsASlowRequestPromptly()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("slow"));
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Client().GetTaskAsync("slow", RunwayTaskFormat.Official, cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "cancellation did not interrupt the request");
    }

    [Fact]
    public async Task ASlowServerEndsInATimeoutError()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("slow"));
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(30)) with { Count = null });
        var client = fixture.Client(new RunwayClientOptions { Retry = RetryPolicy.None, RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("slow", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.Timeout, error.Kind);
        Assert.Contains("did not complete within", error.Message);
    }

    [Fact]
    public async Task VerboseLogNamesMethodUrlStatusAndTimeButNotTheKey()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("log-1"));
        var lines = new List<string>();
        var client = fixture.Client(new RunwayClientOptions { Log = e => { lock (lines) { lines.Add(e.Message); } } });

        await client.GetTaskAsync("log-1", RunwayTaskFormat.Official, default);

        var line = Assert.Single(lines);
        Assert.Matches(@"^GET http://127\.0\.0\.1:\d+/runwayml/v1/tasks/log-1 -> 200 OK in \d+ ms$", line);
        Assert.DoesNotContain(emulator.ApiKey, line);
    }
}
