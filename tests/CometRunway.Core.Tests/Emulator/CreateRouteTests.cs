using System.Net;
using CometRunway.Emulator;
using CometRunway.Emulator.Creating;

namespace CometRunway.Core.Tests.Emulator;

/// <summary>The emulator's create routes, spoken to with a plain HttpClient.</summary>
public sealed class CreateRouteTests(ClockedEmulatorFixture fixture) : IClassFixture<ClockedEmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();

    [Theory]
    [InlineData(CreateSamples.ImageToVideo, "IMAGE_TO_VIDEO", "mp4")]
    [InlineData(CreateSamples.TextToImage, "TEXT_TO_IMAGE", "png")]
    [InlineData(CreateSamples.VideoToVideo, "VIDEO_TO_VIDEO", "mp4")]
    [InlineData(CreateSamples.VideoUpscale, "VIDEO_UPSCALE", "mp4")]
    [InlineData(CreateSamples.CharacterPerformance, "CHARACTER_PERFORMANCE", "mp4")]
    public async Task EveryOfficialRouteAnswersABareIdAndItsTaskWalksFromNotVisibleToSucceededWithAFile(string path, string action, string extension)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var created = await client.PostCreateAsync(path, CreateSamples.Body(path));
        var json = await created.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = Assert.Single(json.EnumerateObject()).Value.GetString()!;
        Assert.Equal(id, json.Str("id"));
        var record = Assert.Single(emulator.CreatedTasks);
        Assert.Equal((id, "/" + path), (record.Id, record.Route));
        Assert.Equal(CreateSamples.Body(path), record.Body);

        using var early = await client.GetOfficialAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("task_not_exist", (await early.JsonAsync()).Str("code"));

        fixture.Clock.Advance(emulator.CreateSettings.VisibleAfter);
        Assert.Equal("PENDING", (await (await client.GetOfficialAsync(id)).JsonAsync()).Str("status"));
        fixture.Clock.Advance(emulator.CreateSettings.RunsFor / 2);
        Assert.Equal("RUNNING", (await (await client.GetOfficialAsync(id)).JsonAsync()).Str("status"));
        Assert.Equal(action, (await (await client.PostFeedAsync(id)).JsonAsync()).GetProperty("data").Str("action"));
        fixture.Clock.Advance(emulator.CreateSettings.RunsFor);
        var done = await (await client.GetOfficialAsync(id)).JsonAsync();
        Assert.Equal("SUCCEEDED", done.Str("status"));
        var output = new Uri(done.GetProperty("output")[0].GetString()!);
        Assert.Equal(new Uri(emulator.BaseUri, $"files/{id}.{extension}"), output);
        using var file = await client.GetAsync(output);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(extension == "png" ? "image/png" : "video/mp4", file.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(CreateSamples.ProGenerate, "TEXT_TO_VIDEO")]
    [InlineData(CreateSamples.ProVideoToVideo, "VIDEO_TO_VIDEO")]
    [InlineData(CreateSamples.ProActOne, "ACT_ONE")]
    public async Task EveryCompatibilityRouteAnswersTheNewerEnvelopeAndItsTaskIsReadOnTheFeed(string path, string action)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        using var created = await client.PostCreateAsync(path, CreateSamples.Body(path), runwayVersion: null);
        var json = await created.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(200, json.GetProperty("code").GetInt32());
        Assert.Equal(("", "success"), (json.Str("message"), json.Str("msg")));
        Assert.False(json.TryGetProperty("exec_time", out _));
        var id = json.GetProperty("data").Str("task_id");
        Assert.Equal(id, Assert.Single(emulator.CreatedTasks).Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFeedAsync(id)).StatusCode);
        fixture.Clock.Advance(emulator.CreateSettings.VisibleAfter + emulator.CreateSettings.RunsFor);
        var data = (await (await client.PostFeedAsync(id)).JsonAsync()).GetProperty("data");
        Assert.Equal(("SUCCESS", action), (data.Str("status"), data.Str("action")));
        Assert.EndsWith($"/files/{id}.mp4", data.Str("result_url"));
    }

    [Fact]
    public async Task GenerateWithAnImageIsAnImageToVideoTask()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var id = (await (await client.PostCreateAsync(CreateSamples.ProGenerate, CreateSamples.ProGenerateFromImage)).JsonAsync()).GetProperty("data").Str("task_id");
        fixture.Clock.Advance(emulator.CreateSettings.VisibleAfter);

        Assert.Equal("IMAGE_TO_VIDEO", (await (await client.PostFeedAsync(id)).JsonAsync()).GetProperty("data").Str("action"));
    }

    [Fact]
    public async Task TheOlderEnvelopeAndAlternationAreSelectable()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        emulator.CreateSettings = emulator.CreateSettings with { Envelope = EnvelopeStyle.Older };
        var older = await (await client.PostCreateAsync(CreateSamples.ProActOne, CreateSamples.Body(CreateSamples.ProActOne))).JsonAsync();
        emulator.CreateSettings = emulator.CreateSettings with { Envelope = EnvelopeStyle.Alternating };
        var styles = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var json = await (await client.PostCreateAsync(CreateSamples.ProActOne, CreateSamples.Body(CreateSamples.ProActOne))).JsonAsync();
            styles.Add(json.TryGetProperty("exec_time", out _));
        }

        Assert.Equal((200, "成功"), (older.GetProperty("code").GetInt32(), older.Str("msg")));
        Assert.False(older.TryGetProperty("message", out _));
        Assert.True(older.GetProperty("exec_time").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(older.GetProperty("data").Str("task_id")));
        Assert.Equal([false, true, false], styles);
        Assert.Equal(4, emulator.CreatedCount);
    }

    [Fact]
    public async Task APromptWithTheFailureMarkerMakesATaskThatFailsForModeration()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        var body = CreateSamples.Body(CreateSamples.ImageToVideo).Replace("a cat walks", "a cat walks #fail", StringComparison.Ordinal);

        var id = (await (await client.PostCreateAsync(CreateSamples.ImageToVideo, body)).JsonAsync()).Str("id");
        fixture.Clock.Advance(emulator.CreateSettings.VisibleAfter + emulator.CreateSettings.RunsFor);
        var task = await (await client.GetOfficialAsync(id)).JsonAsync();

        Assert.Equal(("FAILED", "SAFETY.INPUT.TEXT"), (task.Str("status"), task.Str("failureCode")));
        Assert.Equal("a cat walks #fail", Assert.Single(emulator.CreatedTasks).Prompt);
    }

    [Fact]
    public async Task WithoutRecordingTheLogCountsCreatesButKeepsNoBodies()
    {
        await using var quiet = await CometApiEmulator.StartAsync(new EmulatorOptions { RecordRequests = false });
        using var client = EmulatorHttp.AuthorizedClient(quiet);

        using var created = await client.PostCreateAsync(CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(("", "gen4_turbo"), (Assert.Single(quiet.CreatedTasks).Body, quiet.CreatedTasks[0].Model));
        Assert.Empty(quiet.Requests);
    }

    [Fact]
    public async Task WithoutTheKeyNothingIsCreated()
    {
        using var anonymous = EmulatorHttp.Client(emulator);
        using var wrongKey = EmulatorHttp.Client(emulator, "sk-wrong");

        using var none = await anonymous.PostCreateAsync(CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo));
        using var wrong = await wrongKey.PostCreateAsync(CreateSamples.ProActOne, CreateSamples.Body(CreateSamples.ProActOne));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_api_key", (await wrong.JsonAsync()).GetProperty("error").Str("code"));
        Assert.Equal(0, emulator.CreatedCount);
    }

    [Fact]
    public async Task ControlEndpointsShowAndChangeTheSettingsAndListCreatedTasksUntilReset()
    {
        using var control = EmulatorHttp.Client(emulator);
        using var api = EmulatorHttp.AuthorizedClient(emulator);

        using var changed = await control.PostAsync("_emulator/create-settings", EmulatorHttp.Json("""{"envelope":"Older","requireRunwayVersion":false,"visibleAfterSeconds":0,"retiredModels":{"gen4":"gen4_turbo"}}"""));
        var settings = await (await control.GetAsync("_emulator/create-settings")).JsonAsync();
        using var retired = await api.PostCreateAsync(CreateSamples.ProGenerate, CreateSamples.Body(CreateSamples.ProGenerate));
        using var noVersion = await api.PostCreateAsync(CreateSamples.VideoUpscale, CreateSamples.Body(CreateSamples.VideoUpscale), runwayVersion: null);
        var created = await (await control.GetAsync("_emulator/created")).JsonAsync();
        using var bad = await control.PostAsync("_emulator/create-settings", EmulatorHttp.Json("""{"envelope":"Sideways"}"""));
        using var reset = await control.PostAsync("_emulator/reset", null);
        var afterReset = await (await control.GetAsync("_emulator/create-settings")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("Older", false, 0.0), (settings.Str("envelope"), settings.GetProperty("requireRunwayVersion").GetBoolean(), settings.GetProperty("visibleAfterSeconds").GetDouble()));
        Assert.Equal("gen4_turbo", settings.GetProperty("retiredModels").Str("gen4"));
        Assert.Contains("gen4_turbo", (await retired.JsonAsync()).Str("msg"));
        Assert.Equal(HttpStatusCode.OK, noVersion.StatusCode);
        Assert.Equal(1, created.GetProperty("count").GetInt32());
        Assert.Equal("/runwayml/v1/video_upscale", created.GetProperty("tasks")[0].Str("route"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Sideways", (await bad.JsonAsync()).GetProperty("error").Str("message"));
        Assert.Equal(("Newer", true), (afterReset.Str("envelope"), afterReset.GetProperty("requireRunwayVersion").GetBoolean()));
        Assert.Equal(0, emulator.CreatedCount);
    }
}
