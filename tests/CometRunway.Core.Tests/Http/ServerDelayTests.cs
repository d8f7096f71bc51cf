using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Http;

/// <summary>Issue 10.5: a server may ask for any delay; absurd ones end the retries with an error that says so.</summary>
public sealed class ServerDelayTests : IClassFixture<EmulatorFixture>
{
    private const string RateLimitBody = """{"error":{"message":"slow down","type":"rate_limit_error","code":"rate_limit_exceeded"}}""";

    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public ServerDelayTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Fresh();
        emulator.Tasks.Add(EmulatedTask.Running("task", 0.3));
    }

    [Theory]
    [InlineData("Retry-After", "1e12")]
    [InlineData("retry-after-ms", "1e300")]
    [InlineData("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task AnAbsurdServerDelayEndsRetriesWithAnErrorThatSaysSo(string header, string value)
    {
        emulator.Faults.Add(FaultRule.Status(429, RateLimitBody, new Dictionary<string, string> { [header] = value }) with { Count = null });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.RateLimited, error.Kind);
        Assert.Equal(RetryAfterHeader.Longest, error.RetryAfter);
        Assert.Contains("slow down", error.Message);
        Assert.Contains("asked to wait 24 h before trying again, longer than the retry budget of 60 s allows", error.Message);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task AServerDelayWithinTheBudgetIsWaitedFor()
    {
        emulator.Faults.Add(FaultRule.Status(503, RateLimitBody, new Dictionary<string, string> { ["retry-after-ms"] = "300" }));

        var task = await fixture.Client().GetTaskAsync("task", RunwayTaskFormat.Official, default);

        Assert.Equal("task", task.Id);
        var requests = emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task ADelayPastARemainingBudgetIsNotWaitedFor()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(5)) with { Count = null });
        var client = fixture.Client(new RunwayClientOptions { Retry = EmulatorFixture.FastRetries with { Budget = TimeSpan.FromSeconds(2) } });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("task", RunwayTaskFormat.Official, default));

        Assert.Equal(1, error.Attempts);
        Assert.Contains("asked to wait 5 s before trying again, longer than the retry budget of 2 s allows", error.Message);
        Assert.Single(emulator.Requests);
    }
}
