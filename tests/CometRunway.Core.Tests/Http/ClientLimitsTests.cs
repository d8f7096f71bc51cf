using System.Diagnostics;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Tasks;
using Microsoft.AspNetCore.Http;

namespace CometRunway.Core.Tests.Http;

/// <summary>Issue 10.8 (API side), 10.10, 10.11 and 10.15: limits, header values and the request body on the wire.</summary>
public sealed class ClientLimitsTests : IClassFixture<EmulatorFixture>
{
    private const string Key = "sk-limits-0123456789abcdef";
    private const string TaskBody = """{"id":"t","status":"RUNNING","createdAt":"2026-03-13T02:00:00Z","progress":0.5}""";

    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public ClientLimitsTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Fresh();
    }

    [Fact]
    public async Task TheFeedBodyCarriesAContentLengthAndIsNotChunked()
    {
        emulator.Tasks.Add(EmulatedTask.Running("feed-len", 0.5));

        await fixture.Client().GetTaskAsync("feed-len", RunwayTaskFormat.Feed, default);

        var request = Assert.Single(emulator.Requests);
        Assert.Equal("""{"task_id":"feed-len"}""", request.Body);
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
    }

    [Theory]
    [InlineData("2024-11-06\n", "a line feed (LF) at position 11")]
    [InlineData("2024-11-06\r\nX-Evil: 1", "a carriage return (CR) at position 11")]
    [InlineData("2024-11-06\u00e9", "the non-ASCII character U+00E9")]
    [InlineData(" 2024-11-06", "starts or ends with a space")]
    [InlineData("", "is empty")]
    public async Task AVersionThatIsNotAHeaderValueIsRefusedBeforeAnyRequest(string version, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.Client(new RunwayClientOptions { RunwayVersion = version }));

        Assert.StartsWith("The X-Runway-Version value", error.Message);
        Assert.Contains(reason, error.Message);
        await Task.Yield();
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task NullVersionMeansTheDefaultOnTheWire()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("v-null"));

        await fixture.Client(new RunwayClientOptions { RunwayVersion = null, Retry = EmulatorFixture.FastRetries }).GetTaskAsync("v-null", RunwayTaskFormat.Official, default);

        Assert.Equal("2024-11-06", Assert.Single(emulator.Requests).Header("X-Runway-Version"));
    }

    [Fact]
    public async Task ATricklingApiIsCutOffByTheStallRuleAndRetriedWithinBounds()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.TrickleAsync(context, TaskBody, TimeSpan.FromMilliseconds(150)));
        var client = new RunwayClient(
            new CometApiConnection(server.BaseUri, ApiKey.FromString(Key)),
            new RunwayClientOptions { Retry = EmulatorFixture.FastRetries, Stall = new StallRule(TimeSpan.FromMilliseconds(500), 1024) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("t", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.Timeout, error.Kind);
        // "sent nothing" when a pause of this busy machine swallowed the few bytes of a window.
        Assert.Matches(@"The answer for task 't' stalled: http://127\.0\.0\.1:\d+ sent (only \d+ bytes in 0\.5 s \(at least 1024 expected\)|nothing for 0\.5 s)\.", error.Message);
        Assert.Equal(EmulatorFixture.FastRetries.MaxAttempts, error.Attempts);
        Assert.Equal(EmulatorFixture.FastRetries.MaxAttempts, server.Requests);
        // Hang detection only: the trickle alone would take 12 s per attempt.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AServerThatNeverFinishesTheBodyIsEndedByTheRequestTimeoutEvenWhileItTrickles()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.TrickleAsync(context, TaskBody, TimeSpan.FromMilliseconds(20)));
        var client = new RunwayClient(
            new CometApiConnection(server.BaseUri, ApiKey.FromString(Key)),
            new RunwayClientOptions { Retry = RetryPolicy.None, RequestTimeout = TimeSpan.FromMilliseconds(400), Stall = new StallRule(TimeSpan.FromSeconds(30), 1) });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("t", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.Timeout, error.Kind);
        Assert.Contains("did not complete within 0.4 s", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AnAnswerLargerThanTheCapIsRefusedWithoutReadingItAll()
    {
        var huge = new string('x', 300_000);
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"t","status":"FAILED","failure":"{{huge}}"}""");
        });
        var client = new RunwayClient(
            new CometApiConnection(server.BaseUri, ApiKey.FromString(Key)),
            new RunwayClientOptions { Retry = RetryPolicy.None, MaxResponseBytes = 64 * 1024 });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("t", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.Contains("larger than 64 KiB", error.Message);
        Assert.True(error.Message.Length < 500, error.Message);
    }
}
