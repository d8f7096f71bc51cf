using System.Text;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Creating;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Creating over real HTTP against the emulator: every route, both envelopes, the request as sent, files inline.</summary>
public sealed class RunwayTaskCreatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly CometApiEmulator emulator = fixture.Fresh();
    private readonly List<string> log = new();
    private readonly TempMedia media = new();

    public void Dispose() => media.Dispose();

    public static TheoryData<int> RouteIndexes() => [.. Enumerable.Range(0, Creators.EveryRoute().Length)];

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public async Task EveryRouteCreatesAPendingTaskOfItsFamilyWithTheRequestsModelAndPrompt(int index)
    {
        var request = Creators.EveryRoute()[index];

        var task = await Creators.For(emulator, log).CreateAsync(request, CancellationToken.None);

        var created = Assert.Single(emulator.CreatedTasks);
        Assert.Equal(created.Id, task.Id);
        Assert.Equal("/" + request.Route.Path, created.Route);
        Assert.Equal((request.Route.Format, RunwayTaskStatus.Pending, emulator.BaseUri), (task.Format, task.Status, task.BaseUri));
        Assert.Equal((request.Route.Name, "2024-11-06"), (task.Action, task.RunwayVersion));
        Assert.Equal((created.Model, created.Prompt), (task.Model, task.Prompt));
        Assert.Equal(RouteVocabulary.For(request.Route).DefaultModel, task.Model);
        Assert.False(task.IsTerminal);
        Assert.Contains(log, line => line.StartsWith($"POST {request.Route.UriFor(emulator.BaseUri)} -> 200 OK in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRequestCarriesALengthTheKeyTheAgentTheVersionAndTheExactBody()
    {
        var request = new ImageToVideoRequest { PromptImage = Creators.Image, PromptText = "彗星", Seed = 7 };

        await Creators.For(emulator).CreateAsync(request, CancellationToken.None);

        var sent = Assert.Single(emulator.Requests);
        var body = Encoding.UTF8.GetString(request.ToUtf8Json());
        Assert.Equal(("POST", "/runwayml/v1/image_to_video"), (sent.Method, sent.Path));
        Assert.Equal(body, sent.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Header("Content-Length"));
        Assert.Null(sent.Header("Transfer-Encoding"));
        Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
        Assert.Equal($"Bearer {emulator.ApiKey}", sent.Header("Authorization"));
        Assert.StartsWith("CometRunway/", sent.Header("User-Agent"));
        Assert.Equal("2024-11-06", sent.Header("X-Runway-Version"));
        Assert.Equal("application/json", sent.Header("Accept"));
    }

    [Theory]
    [InlineData(EnvelopeStyle.Older)]
    [InlineData(EnvelopeStyle.Alternating)]
    public async Task BothCompatibilityEnvelopesAreRead(EnvelopeStyle envelope)
    {
        emulator.CreateSettings = emulator.CreateSettings with { Envelope = envelope };
        var creator = Creators.For(emulator);

        var tasks = new List<RunwayTask>();
        for (var i = 0; i < 3; i++)
        {
            tasks.Add(await creator.CreateAsync(new ProGenerateRequest { Prompt = $"comet {i}" }, CancellationToken.None));
        }

        Assert.Equal(emulator.CreatedTasks.Select(t => t.Id), tasks.Select(t => t.Id));
        Assert.All(tasks, task => Assert.Equal(RunwayTaskFormat.Feed, task.Format));
        Assert.Equal(["comet 0", "comet 1", "comet 2"], tasks.Select(t => t.Prompt));
    }

    [Fact]
    public async Task LocalFilesTravelAsDataUrisAndTheEmulatorAcceptsThem()
    {
        var image = MediaInput.FromFile(media.File("cat.png", TempMedia.PngSignature, 2000), "PromptImage");
        var video = MediaInput.FromFile(media.File("clip.mp4", TempMedia.Mp4Signature, 5000), "Video");
        var creator = Creators.For(emulator);

        await creator.CreateAsync(new ImageToVideoRequest { PromptImage = image }, CancellationToken.None);
        await creator.CreateAsync(new ProActOneRequest { Video = video, Image = image }, CancellationToken.None);

        var bodies = emulator.CreatedTasks.Select(t => System.Text.Json.JsonDocument.Parse(t.Body).RootElement).ToArray();
        Assert.Equal(image.WireValue("x"), bodies[0].GetProperty("promptImage").GetString());
        Assert.StartsWith("data:video/mp4;base64,AAAAGGZ0eXBtcDQy", bodies[1].GetProperty("video").GetString());
        Assert.Equal(image.DataUriLength, bodies[0].GetProperty("promptImage").GetString()!.Length);
    }

    [Fact]
    public async Task AnInvalidRequestSendsNothing()
    {
        var creator = Creators.For(emulator);

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() =>
            creator.CreateAsync(new ImageToVideoRequest { PromptImage = Creators.Image, Ratio = "1280x720" }, CancellationToken.None));

        Assert.Equal((CreateErrorKind.InvalidRequest, "Ratio"), (error.Kind, error.ParameterName));
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task CustomBodiesReachAnyRouteAndCompatibilityOnesGetThePlaceholderCallback()
    {
        var creator = Creators.For(emulator);
        var official = new CustomCreateRequest(CreateRoute.ImageToVideo, new Dictionary<string, object?>
        {
            ["model"] = "gen4.5",
            ["promptImage"] = Creators.Image,
            ["promptText"] = "new model, new field",
            ["duration"] = 8,
        });
        var feed = CustomCreateRequest.FromJson(CreateRoute.Parse("runway/pro/act_one"), """{"video":"https://a.example.com/v.mp4","image":"https://a.example.com/i.png"}""");

        var first = await creator.CreateAsync(official, CancellationToken.None);
        var second = await creator.CreateAsync(feed, CancellationToken.None);

        Assert.Equal((RunwayTaskFormat.Official, "gen4.5", "new model, new field"), (first.Format, first.Model, first.Prompt));
        Assert.Equal(RunwayTaskFormat.Feed, second.Format);
        Assert.Contains("\"callback_url\":\"https://callback.invalid/cometrunway\"", emulator.CreatedTasks[1].Body);
    }

    [Fact]
    public async Task TheVersionHeaderIsConfigurableAndNeverCarriesALineBreak()
    {
        var older = Creators.For(emulator, options: new RunwayClientOptions { RunwayVersion = "2024-09-13" });

        var task = await older.CreateAsync(new VideoUpscaleRequest { VideoUri = Creators.Video }, CancellationToken.None);

        Assert.Equal("2024-09-13", emulator.Requests[0].Header("X-Runway-Version"));
        Assert.Equal("2024-09-13", task.RunwayVersion);
        var error = Assert.Throws<ArgumentException>(() => Creators.For(emulator, options: new RunwayClientOptions { RunwayVersion = "2024-11-06\nX-Evil: 1" }));
        Assert.Contains("line feed", error.Message);
        Assert.Throws<ArgumentException>(() => Creators.For(emulator, options: new RunwayClientOptions { RunwayVersion = "" }));
    }
}
