using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Emulator;

/// <summary>The emulator turns down create requests the way the documentation says CometAPI does, and makes no task.</summary>
public sealed class CreateRefusalTests(ClockedEmulatorFixture fixture) : IClassFixture<ClockedEmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();

    [Fact]
    public async Task OfficialRoutesRequireTheVersionHeaderUnlessRelaxedAndCompatibilityRoutesNever()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var strict = await RefusedAsync(client, CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo), runwayVersion: null);
        using var compatibility = await client.PostCreateAsync(CreateSamples.ProActOne, CreateSamples.Body(CreateSamples.ProActOne), runwayVersion: null);
        emulator.CreateSettings = emulator.CreateSettings with { RequireRunwayVersion = false };
        using var relaxed = await client.PostCreateAsync(CreateSamples.ImageToVideo, CreateSamples.Body(CreateSamples.ImageToVideo), runwayVersion: null);

        Assert.Equal(("missing_runway_version", "X-Runway-Version"), (strict.Str("code"), strict.Str("param")));
        Assert.Contains("2024-11-06", strict.Str("message"));
        Assert.Equal(HttpStatusCode.OK, compatibility.StatusCode);
        Assert.Equal(HttpStatusCode.OK, relaxed.StatusCode);
        Assert.Equal(2, emulator.CreatedCount);
    }

    [Theory]
    [InlineData(CreateSamples.ProGenerate)]
    [InlineData(CreateSamples.ProVideoToVideo)]
    [InlineData(CreateSamples.ProActOne)]
    public async Task CompatibilityRoutesWithoutACallbackUrlAnswerCallbackUrlEmptyInsideOkOrAs400(string path)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        var withoutCallback = Without(CreateSamples.Body(path), "callback_url");
        var blankCallback = With(CreateSamples.Body(path), "callback_url", " ");

        using var insideOk = await client.PostCreateAsync(path, withoutCallback);
        using var blank = await client.PostCreateAsync(path, blankCallback);
        emulator.CreateSettings = emulator.CreateSettings with { RefusalsInsideOk = false };
        using var as400 = await client.PostCreateAsync(path, withoutCallback);

        Assert.Equal(HttpStatusCode.OK, insideOk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, as400.StatusCode);
        foreach (var response in new[] { insideOk, blank, as400 })
        {
            var json = await response.JsonAsync();
            Assert.Equal((400, "callback_url_empty"), (json.GetProperty("code").GetInt32(), json.Str("msg")));
            Assert.Equal(JsonValueKind.Null, json.GetProperty("data").ValueKind);
        }

        Assert.Equal(0, emulator.CreatedCount);
    }

    [Fact]
    public async Task TextToImageWithoutReferenceImagesIsReferenceImagesEmptyAndMoreThanThreeIsRefused()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        var body = CreateSamples.Body(CreateSamples.TextToImage);
        var four = JsonNode.Parse(body)!;
        four["referenceImages"] = new JsonArray(Enumerable.Range(0, 4).Select(_ => (JsonNode)new JsonObject { ["uri"] = CreateSamples.ImageUrl }).ToArray());

        var missing = await RefusedAsync(client, CreateSamples.TextToImage, Without(body, "referenceImages"));
        var empty = await RefusedAsync(client, CreateSamples.TextToImage, With(body, "referenceImages", new JsonArray()));
        var tooMany = await RefusedAsync(client, CreateSamples.TextToImage, four.ToJsonString());
        var badTag = await RefusedAsync(client, CreateSamples.TextToImage, body.Replace("\"tag\":\"cat\"", "\"tag\":\"1x\"", StringComparison.Ordinal));

        Assert.Equal(("reference_images_empty", "referenceImages"), (missing.Str("code"), missing.Str("param")));
        Assert.StartsWith("reference_images_empty", missing.Str("message"));
        Assert.Equal("reference_images_empty", empty.Str("code"));
        Assert.Equal(("invalid_request", "referenceImages"), (tooMany.Str("code"), tooMany.Str("param")));
        Assert.Equal("referenceImages[0].tag", badTag.Str("param"));
    }

    [Theory]
    [InlineData(CreateSamples.ImageToVideo, "1280x720")]
    [InlineData(CreateSamples.VideoToVideo, "1280x720")]
    [InlineData(CreateSamples.TextToImage, "16/9")]
    [InlineData(CreateSamples.CharacterPerformance, "")]
    public async Task RatiosMustBeWidthColonHeight(string path, string ratio)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var error = await RefusedAsync(client, path, With(CreateSamples.Body(path), "ratio", ratio));

        Assert.Equal(("invalid_request", "ratio"), (error.Str("code"), error.Str("param")));
    }

    [Fact]
    public async Task ACompatibilityRatioInTheWrongFormIsRefusedInTheEnvelope()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var json = await (await client.PostCreateAsync(CreateSamples.ProGenerate, With(CreateSamples.Body(CreateSamples.ProGenerate), "ratio", "1280x720"))).JsonAsync();

        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.Contains("1280:720", json.Str("msg"));
    }

    [Theory]
    [InlineData("http://assets.example.com/cat.png", "Only HTTPS URLs are allowed")]
    [InlineData("ftp://assets.example.com/cat.png", "Only HTTPS URLs are allowed")]
    [InlineData("cat.png", "Only HTTPS URLs are allowed")]
    [InlineData("https://203.0.113.7/cat.png", "domain name")]
    [InlineData("https://[2001:db8::1]/cat.png", "domain name")]
    [InlineData("data:image/png,iVBORw0KGgo=", "Invalid data URI")]
    [InlineData("data:image/png;base64,@@@@", "not valid base64")]
    [InlineData("data:video/mp4;base64,AAAAGGZ0eXA=", "not an image")]
    [InlineData("data:;base64,AAAA", "Invalid data URI")]
    public async Task InvalidAssetsAreRefusedNamingTheField(string promptImage, string reason)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var error = await RefusedAsync(client, CreateSamples.ImageToVideo, With(CreateSamples.Body(CreateSamples.ImageToVideo), "promptImage", promptImage));

        Assert.Equal(("invalid_asset", "promptImage"), (error.Str("code"), error.Str("param")));
        Assert.Contains(reason, error.Str("message"));
        Assert.StartsWith("promptImage: ", error.Str("message"));
    }

    [Fact]
    public async Task DataUrisAreAcceptedUpToTheirLimitAndLongUrlsAreNot()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        var prefix = "data:image/png;base64,";
        var atLimit = prefix + new string('A', (5_000_000 - prefix.Length) / 4 * 4);
        var overLimit = atLimit + "AAAA";
        var longUrl = "https://assets.example.com/" + new string('a', 2048);
        var body = CreateSamples.Body(CreateSamples.ImageToVideo);

        using var accepted = await client.PostCreateAsync(CreateSamples.ImageToVideo, With(body, "promptImage", atLimit));
        var tooLarge = await RefusedAsync(client, CreateSamples.ImageToVideo, With(body, "promptImage", overLimit));
        var tooLong = await RefusedAsync(client, CreateSamples.ImageToVideo, With(body, "promptImage", longUrl));
        using var videoDataUri = await client.PostCreateAsync(CreateSamples.VideoToVideo,
            With(CreateSamples.Body(CreateSamples.VideoToVideo), "videoUri", "data:video/mp4;base64,AAAAGGZ0eXBtcDQy"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("at most 5000000", tooLarge.Str("message"));
        Assert.Contains("2048", tooLong.Str("message"));
        Assert.Equal(HttpStatusCode.OK, videoDataUri.StatusCode);
        Assert.Equal(2, emulator.CreatedCount);
    }

    [Theory]
    [InlineData(CreateSamples.ImageToVideo, "gen3a_turbo", "gen4_turbo")]
    [InlineData(CreateSamples.VideoToVideo, "gen4_aleph", "aleph2")]
    [InlineData(CreateSamples.VideoUpscale, "upscale_v1", "magnific_video_upscaler_creative")]
    public async Task RetiredModelsAreRefusedNamingTheReplacementUnlessTheSettingAcceptsThem(string path, string retired, string replacement)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        var body = With(CreateSamples.Body(path), "model", retired);

        var error = await RefusedAsync(client, path, body);
        emulator.CreateSettings = emulator.CreateSettings with { RefuseRetiredModels = false };
        using var accepted = await client.PostCreateAsync(path, body);

        Assert.Equal(("model_retired", "model"), (error.Str("code"), error.Str("param")));
        Assert.Contains($"'{retired}'", error.Str("message"));
        Assert.Contains($"'{replacement}'", error.Str("message"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(retired, Assert.Single(emulator.CreatedTasks).Model);
    }

    [Theory]
    [InlineData(CreateSamples.ImageToVideo, "promptImage")]
    [InlineData(CreateSamples.ImageToVideo, "model")]
    [InlineData(CreateSamples.TextToImage, "promptText")]
    [InlineData(CreateSamples.TextToImage, "ratio")]
    [InlineData(CreateSamples.VideoToVideo, "videoUri")]
    [InlineData(CreateSamples.VideoToVideo, "promptText")]
    [InlineData(CreateSamples.VideoUpscale, "videoUri")]
    [InlineData(CreateSamples.VideoUpscale, "model")]
    [InlineData(CreateSamples.CharacterPerformance, "character")]
    [InlineData(CreateSamples.CharacterPerformance, "reference")]
    [InlineData(CreateSamples.CharacterPerformance, "model")]
    public async Task MissingRequiredOfficialFieldsAreRefusedNamingTheField(string path, string field)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var error = await RefusedAsync(client, path, Without(CreateSamples.Body(path), field));

        Assert.Equal(field, error.Str("param"));
        Assert.Contains($"{field}: Required", error.Str("message"));
    }

    [Theory]
    [InlineData(CreateSamples.ProGenerate, "prompt")]
    [InlineData(CreateSamples.ProVideoToVideo, "video")]
    [InlineData(CreateSamples.ProActOne, "video")]
    [InlineData(CreateSamples.ProActOne, "image")]
    public async Task MissingRequiredCompatibilityFieldsAreRefusedInTheEnvelope(string path, string field)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var json = await (await client.PostCreateAsync(path, Without(CreateSamples.Body(path), field))).JsonAsync();

        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.Equal($"{field}: Required.", json.Str("msg"));
        Assert.Equal(0, emulator.CreatedCount);
    }

    [Theory]
    [InlineData(CreateSamples.ImageToVideo, "seed", "4294967296")]
    [InlineData(CreateSamples.ImageToVideo, "seed", "-1")]
    [InlineData(CreateSamples.ImageToVideo, "seed", "1.5")]
    [InlineData(CreateSamples.ImageToVideo, "duration", "11")]
    [InlineData(CreateSamples.ImageToVideo, "duration", "\"5\"")]
    [InlineData(CreateSamples.CharacterPerformance, "expressionIntensity", "6")]
    [InlineData(CreateSamples.ImageToVideo, "model", "42")]
    [InlineData(CreateSamples.TextToImage, "promptText", "\"   \"")]
    public async Task OutOfRangeOrMistypedValuesAreRefusedNamingTheField(string path, string field, string json)
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var error = await RefusedAsync(client, path, With(CreateSamples.Body(path), field, JsonNode.Parse(json)));

        Assert.Equal(("invalid_request", field), (error.Str("code"), error.Str("param")));
    }

    [Fact]
    public async Task PromptsLongerThanAThousandCharactersAndBodiesThatAreNotObjectsAreRefused()
    {
        using var client = EmulatorHttp.AuthorizedClient(emulator);

        var longPrompt = await RefusedAsync(client, CreateSamples.VideoToVideo, With(CreateSamples.Body(CreateSamples.VideoToVideo), "promptText", new string('p', 1001)));
        var array = await RefusedAsync(client, CreateSamples.VideoUpscale, "[]");
        var broken = await RefusedAsync(client, CreateSamples.VideoUpscale, "{\"videoUri\":");
        using var thousand = await client.PostCreateAsync(CreateSamples.VideoToVideo, With(CreateSamples.Body(CreateSamples.VideoToVideo), "promptText", new string('p', 1000)));

        Assert.Contains("at most 1000", longPrompt.Str("message"));
        Assert.Contains("JSON object", array.Str("message"));
        Assert.Contains("JSON object", broken.Str("message"));
        Assert.Equal(HttpStatusCode.OK, thousand.StatusCode);
    }

    /// <summary>Posts and expects an official refusal: HTTP 400 with a gateway error, and no task made.</summary>
    private async Task<JsonElement> RefusedAsync(HttpClient client, string path, string body, string? runwayVersion = "2024-11-06")
    {
        var before = emulator.CreatedCount;
        using var response = await client.PostCreateAsync(path, body, runwayVersion);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, emulator.CreatedCount);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal("invalid_request_error", error.Str("type"));
        Assert.Matches(@"\(request id: \w+\)$", error.Str("message"));
        return error;
    }

    private static string With(string body, string field, JsonNode? value)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json[field] = value;
        return json.ToJsonString();
    }

    private static string Without(string body, string field)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove(field);
        return json.ToJsonString();
    }
}
