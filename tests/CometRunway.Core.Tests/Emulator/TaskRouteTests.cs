using System.Net;
using System.Text.Json;
using CometRunway.Emulator;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Emulator;

public sealed class TaskRouteTests
{
    [Fact]
    public async Task OfficialRouteAnswersAPlainRunwayTaskWithOutputOnTheEmulatorsFileRoute()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Succeeded("t-ok"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var response = await client.GetOfficialAsync("t-ok");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("t-ok", json.Str("id"));
        Assert.Equal("SUCCEEDED", json.Str("status"));
        Assert.True(DateTimeOffset.TryParse(json.Str("createdAt"), out _));
        var output = json.GetProperty("output")[0].GetString()!;
        Assert.Equal(new Uri(emulator.BaseUri, "files/t-ok.mp4"), new Uri(output));
        Assert.False(json.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task FeedRouteAnswersWrappedWithFeedWordsOutsideAndRunwayWordsInside()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Pending("t-queued"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var response = await client.PostFeedAsync("t-queued");
        var json = await response.JsonAsync();

        Assert.Equal("success", json.Str("code"));
        Assert.Equal("", json.Str("message"));
        var data = json.GetProperty("data");
        Assert.Equal("t-queued", data.Str("task_id"));
        Assert.Equal("IMAGE_TO_VIDEO", data.Str("action"));
        Assert.Equal("QUEUED", data.Str("status"));
        Assert.Equal("", data.Str("fail_reason"));
        Assert.Equal("0%", data.Str("progress"));
        Assert.True(data.GetProperty("submit_time").GetInt64() > 0);
        Assert.Equal(0, data.GetProperty("start_time").GetInt64());
        Assert.Equal(0, data.GetProperty("finish_time").GetInt64());
        Assert.Equal("PENDING", data.GetProperty("data").Str("status"));
        Assert.Equal("t-queued", data.GetProperty("data").Str("id"));
    }

    [Fact]
    public async Task ATaskCanForceFlatOrWrappedShapeWhileKeepingTheRoutesVocabulary()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(new EmulatedTask { Id = "flat", Shape = ResponseShape.Flat, Timeline = [TimelineStep.Running(TimeSpan.Zero, 0.275)] });
        emulator.Tasks.Add(new EmulatedTask
        {
            Id = "wrapped",
            Shape = ResponseShape.Wrapped,
            Timeline = [TimelineStep.Running(TimeSpan.Zero, 0.5)],
            Extra = new Dictionary<string, object?> { ["seed"] = 42 },
        });
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var flat = await (await client.PostFeedAsync("flat")).JsonAsync();
        var wrappedOnOfficial = await (await client.GetOfficialAsync("wrapped")).JsonAsync();

        Assert.Equal("IN_PROGRESS", flat.Str("status"));
        Assert.Equal("28%", flat.Str("progress"));
        Assert.Equal(0.275, flat.GetProperty("data").GetProperty("progress").GetDouble());
        Assert.Equal("RUNNING", wrappedOnOfficial.GetProperty("data").Str("status"));
        Assert.Equal(42, wrappedOnOfficial.GetProperty("data").GetProperty("data").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task StatusFollowsTheTimelineAsTheClockAdvances()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("t-run", TimeSpan.FromSeconds(20)));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var start = await (await client.GetOfficialAsync("t-run")).JsonAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var middle = await (await client.GetOfficialAsync("t-run")).JsonAsync();
        var middleFeed = (await (await client.PostFeedAsync("t-run")).JsonAsync()).GetProperty("data");
        clock.Advance(TimeSpan.FromSeconds(10));
        var done = await (await client.GetOfficialAsync("t-run")).JsonAsync();
        var doneFeed = (await (await client.PostFeedAsync("t-run")).JsonAsync()).GetProperty("data");

        Assert.Equal("PENDING", start.Str("status"));
        Assert.Equal("RUNNING", middle.Str("status"));
        Assert.Equal(0.4, middle.GetProperty("progress").GetDouble());
        Assert.Equal("IN_PROGRESS", middleFeed.Str("status"));
        Assert.Equal("40%", middleFeed.Str("progress"));
        Assert.True(middleFeed.GetProperty("start_time").GetInt64() > 0);
        Assert.Equal("SUCCEEDED", done.Str("status"));
        Assert.Single(done.GetProperty("output").EnumerateArray());
        Assert.Equal("SUCCESS", doneFeed.Str("status"));
        Assert.Equal("100%", doneFeed.Str("progress"));
        Assert.Equal(doneFeed.Str("result_url"), doneFeed.GetProperty("data").GetProperty("output")[0].GetString());
        Assert.Equal(doneFeed.GetProperty("submit_time").GetInt64() + 20, doneFeed.GetProperty("finish_time").GetInt64());
    }

    [Fact]
    public async Task FailuresCancellationLegacyFieldsAndRawStatusesAsSent()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Fails("t-fail", "flagged", "SAFETY.INPUT.TEXT"));
        emulator.Tasks.Add(EmulatedTask.Succeeded("t-legacy", "https://cdn.example.invalid/v.mp4?sig=a%2Fb") with
        {
            UseLegacyVideoUrl = true,
            Assets = new Dictionary<string, string> { ["last_frame"] = "files/t-legacy.png" },
        });
        emulator.Tasks.Add(EmulatedTask.Cancelled("t-cancel"));
        emulator.Tasks.Add(EmulatedTask.WithRawStatus("t-weird", "WEIRD_STATE"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var failed = await (await client.GetOfficialAsync("t-fail")).JsonAsync();
        var failedFeed = (await (await client.PostFeedAsync("t-fail")).JsonAsync()).GetProperty("data");
        var cancelled = await (await client.GetOfficialAsync("t-cancel")).JsonAsync();
        var cancelledFeed = (await (await client.PostFeedAsync("t-cancel")).JsonAsync()).GetProperty("data");
        var legacy = (await (await client.PostFeedAsync("t-legacy")).JsonAsync()).GetProperty("data");
        var weird = await (await client.GetOfficialAsync("t-weird")).JsonAsync();
        var weirdFeed = (await (await client.PostFeedAsync("t-weird")).JsonAsync()).GetProperty("data");

        Assert.Equal(("FAILED", "flagged", "SAFETY.INPUT.TEXT"), (failed.Str("status"), failed.Str("failure"), failed.Str("failureCode")));
        Assert.Equal(("FAILURE", "flagged"), (failedFeed.Str("status"), failedFeed.Str("fail_reason")));
        Assert.Equal("CANCELLED", cancelled.Str("status"));
        Assert.Equal("FAILURE", cancelledFeed.Str("status"));
        Assert.Contains("cancel", cancelledFeed.Str("fail_reason"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://cdn.example.invalid/v.mp4?sig=a%2Fb", legacy.GetProperty("data").Str("video_url"));
        Assert.False(legacy.GetProperty("data").TryGetProperty("output", out _));
        Assert.Equal(new Uri(emulator.BaseUri, "files/t-legacy.png").AbsoluteUri, legacy.GetProperty("data").Str("last_frame"));
        Assert.Equal("WEIRD_STATE", weird.Str("status"));
        Assert.Equal("WEIRD_STATE", weirdFeed.Str("status"));
    }

    [Fact]
    public async Task TaskNotExistUntilVisibleAsA400OrInsideA200()
    {
        var clock = new ManualTimeProvider();
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        emulator.Tasks.Add(EmulatedTask.Running("late", 0.1) with { VisibleAfter = TimeSpan.FromSeconds(5) });
        emulator.Tasks.Add(EmulatedTask.Pending("late-ok") with { VisibleAfter = TimeSpan.FromSeconds(5), NotExistInsideOk = true });
        emulator.Tasks.Add(EmulatedTask.NeverVisible("never"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var hidden = await client.GetOfficialAsync("late");
        using var hiddenInsideOk = await client.PostFeedAsync("late-ok");
        using var unknown = await client.PostFeedAsync("nobody");
        clock.Advance(TimeSpan.FromSeconds(5));
        using var visible = await client.GetOfficialAsync("late");
        clock.Advance(TimeSpan.FromDays(365));
        using var never = await client.GetOfficialAsync("never");

        const string notExist = """{"code":"task_not_exist","message":"task_not_exist","data":null}""";
        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Equal(notExist, await hidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, hiddenInsideOk.StatusCode);
        Assert.Equal(notExist, await hiddenInsideOk.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        Assert.Equal("RUNNING", (await visible.JsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.BadRequest, never.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk-wrong-key")]
    public async Task RequestsWithoutTheKeyGet401WithAGatewayEnvelopeThatDoesNotEchoTheKey(string? key)
    {
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { ApiKey = "sk-right" });
        emulator.Tasks.Add(EmulatedTask.Pending("t"));
        using var client = EmulatorHttp.Client(emulator, key);

        using var official = await client.GetOfficialAsync("t");
        using var feed = await client.PostFeedAsync("t");
        var body = await official.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, official.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
        Assert.Contains("(request id: ", JsonDocument.Parse(body).RootElement.GetProperty("error").Str("message"));
        Assert.DoesNotContain("sk-", body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"task_id":5}""")]
    [InlineData("""["task_id"]""")]
    public async Task FeedBodyWithoutATaskIdGets400WithAnEnvelopeNamingTheField(string body)
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var response = await client.PostFeedRawAsync(body);
        var error = (await response.JsonAsync()).GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("task_id", error.Str("message"));
        Assert.Equal("task_id", error.Str("param"));
    }
}
