using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CometRunway.Core.Tests.Http;

/// <summary>Issue 10.4 over the wire: an answer about another task is refused, not returned as if it were the one asked for.</summary>
public sealed class AnswerIdentityTests
{
    [Theory]
    [InlineData(RunwayTaskFormat.Official, """{"id":"other","status":"SUCCEEDED","output":["https://cdn.example/other.mp4"]}""")]
    [InlineData(RunwayTaskFormat.Feed, """{"code":"success","data":{"task_id":"other","status":"SUCCESS","progress":"100%"}}""")]
    public async Task AskingForH4AndGettingOtherIsAnErrorThatNamesBoth(RunwayTaskFormat format, string body)
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        var client = new RunwayClient(
            new CometApiConnection(server.BaseUri, ApiKey.FromString("sk-identity-0123456789")),
            new RunwayClientOptions { Retry = EmulatorFixture.FastRetries });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("h4", format, default));

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.Contains("'h4'", error.Message);
        Assert.Contains("'other'", error.Message);
        Assert.Equal(1, server.Requests);
    }
}
