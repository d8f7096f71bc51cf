using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Emulator;

public sealed class FaultTests
{
    [Fact]
    public async Task AStatusRuleAppliesToTheNextNMatchingRequestsOnlyAndRespectsRouteAndTask()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.Status(503).ForTask("other"));
        emulator.Faults.Add(FaultRule.Status(524).On(FaultRoute.Official).ForTask("t").Times(2));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var feed = await client.PostFeedAsync("t");
        using var first = await client.GetOfficialAsync("t");
        using var second = await client.GetOfficialAsync("t");
        using var third = await client.GetOfficialAsync("t");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal((HttpStatusCode)524, first.StatusCode);
        Assert.Equal((HttpStatusCode)524, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task RateLimitsStateTheirDelayInSecondsHttpDateOrMilliseconds()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(2)));
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromSeconds(30), RetryAfterStyle.HttpDate));
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMilliseconds(1500), RetryAfterStyle.Milliseconds));
        emulator.Faults.Add(FaultRule.QuotaExhausted());
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var seconds = await client.GetOfficialAsync("t");
        using var date = await client.GetOfficialAsync("t");
        using var millis = await client.PostFeedAsync("t");
        using var quota = await client.PostFeedAsync("t");

        Assert.All([seconds, date, millis, quota], r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(2), seconds.Headers.RetryAfter?.Delta);
        Assert.True(date.Headers.RetryAfter?.Date > DateTimeOffset.UtcNow.AddSeconds(20));
        Assert.Equal("1500", Assert.Single(millis.Headers.GetValues("retry-after-ms")));
        var quotaError = (await quota.JsonAsync()).GetProperty("error");
        Assert.Equal("insufficient_user_quota", quotaError.Str("code"));
        Assert.Contains("quota", quotaError.Str("message"));
    }

    [Fact]
    public async Task GatewayHtmlAndRedirectFaultsLookLikeTheirRealCounterparts()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.Gateway(500, "upstream failed", "upstream_error", "bad_response"));
        emulator.Faults.Add(FaultRule.Html(502));
        emulator.Faults.Add(FaultRule.Html(200, "<html><body>Welcome</body></html>"));
        emulator.Faults.Add(FaultRule.Redirect("https://example.invalid/moved"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var gateway = await client.GetOfficialAsync("t");
        using var badGateway = await client.GetOfficialAsync("t");
        using var htmlOk = await client.GetOfficialAsync("t");
        using var moved = await client.GetOfficialAsync("t");

        var error = (await gateway.JsonAsync()).GetProperty("error");
        Assert.Equal(HttpStatusCode.InternalServerError, gateway.StatusCode);
        Assert.Matches(@"^upstream failed \(request id: \w+\)$", error.Str("message"));
        Assert.Equal(("upstream_error", "", "bad_response"), (error.Str("type"), error.Str("param"), error.Str("code")));
        Assert.Equal(HttpStatusCode.BadGateway, badGateway.StatusCode);
        Assert.Equal("text/html", badGateway.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nginx", await badGateway.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, htmlOk.StatusCode);
        Assert.StartsWith("<html>", await htmlOk.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(new Uri("https://example.invalid/moved"), moved.Headers.Location);
    }

    [Fact]
    public async Task TruncatedSendsAValidPrefixThatIsNotAJsonDocument()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.Truncated());
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var truncated = await client.PostFeedAsync("t");
        var text = await truncated.Content.ReadAsStringAsync();
        var full = await (await client.PostFeedAsync("t")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        Assert.NotEmpty(text);
        Assert.StartsWith(text, full);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task ResetAbortsTheConnectionMidResponse()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.Reset());
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetOfficialAsync("t");
            await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(failure is HttpRequestException or IOException, $"expected a network failure, got {failure}");
        using var after = await client.GetOfficialAsync("t");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task DelayAnswersLateAndGivesUpWhenTheClientAborts()
    {
        await using var emulator = await StartWithTaskAsync();
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(300)));
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMinutes(10)));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var watch = Stopwatch.StartNew();
        using var slow = await client.GetOfficialAsync("t");
        var elapsed = watch.Elapsed;
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var aborted = await Record.ExceptionAsync(() => client.GetAsync(emulator.OfficialTaskUri("t"), impatient.Token));

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {elapsed}");
        Assert.IsAssignableFrom<OperationCanceledException>(aborted);
        // Disposing the emulator (end of test) must not wait out the ten minutes.
    }

    [Fact]
    public async Task HundredsOfConcurrentPollsAllGetAnswers()
    {
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { RecordRequests = false });
        for (var i = 0; i < 100; i++)
        {
            emulator.Tasks.Add(EmulatedTask.Running($"c{i}", i / 100.0));
        }

        emulator.Faults.Add(FaultRule.Status(503).Times(50));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 400).Select(async i =>
        {
            using var response = i % 2 == 0 ? await client.GetOfficialAsync($"c{i % 100}") : await client.PostFeedAsync($"c{i % 100}");
            return response.StatusCode;
        }));

        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(350, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Empty(emulator.Requests);
    }

    private static async Task<CometApiEmulator> StartWithTaskAsync()
    {
        var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Running("t", 0.5));
        return emulator;
    }
}
