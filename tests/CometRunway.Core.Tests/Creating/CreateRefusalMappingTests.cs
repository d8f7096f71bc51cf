using System.Net;
using CometRunway.Core.Creating;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;

namespace CometRunway.Core.Tests.Creating;

/// <summary>The documented refusals become errors that say no task was made and what to change; the key never shows.</summary>
public sealed class CreateRefusalMappingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CallbackUrlEmptyInsideOkOrAs400SaysToGiveACallback(bool insideOk)
    {
        emulator.CreateSettings = emulator.CreateSettings with { RefusalsInsideOk = insideOk };
        var request = new CustomCreateRequest(CreateRoute.ProActOne, new Dictionary<string, object?>
        {
            ["callback_url"] = null,
            ["video"] = "https://a.example.com/v.mp4",
            ["image"] = "https://a.example.com/i.png",
        });

        var error = await RefusedAsync(request);

        Assert.Equal((CreateRefusal.CallbackUrlEmpty, "callback_url_empty", "400"), (error.Refusal, error.ServerMessage, error.ServerCode));
        Assert.Equal(insideOk ? HttpStatusCode.OK : HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("callback_url_empty", error.Message);
        Assert.Contains("need a callback_url", error.Message);
    }

    [Fact]
    public async Task ReferenceImagesEmptyNamesTheFieldAndTheFix()
    {
        var request = new CustomCreateRequest(CreateRoute.TextToImage, new Dictionary<string, object?>
        {
            ["promptText"] = "a cat",
            ["ratio"] = "1920:1080",
            ["model"] = "gen4_image",
        });

        var error = await RefusedAsync(request);

        Assert.Equal((CreateRefusal.ReferenceImagesEmpty, "referenceImages", HttpStatusCode.BadRequest), (error.Refusal, error.ParameterName, error.StatusCode));
        Assert.Contains("needs 1 to 3 reference images", error.Message);
    }

    [Fact]
    public async Task AnInvalidAssetNamesTheFieldAndHowToFixIt()
    {
        var request = new CustomCreateRequest(CreateRoute.ImageToVideo, new Dictionary<string, object?>
        {
            ["promptImage"] = "http://assets.example.com/cat.png",
            ["model"] = "gen4_turbo",
        });

        var error = await RefusedAsync(request);

        Assert.Equal((CreateRefusal.InvalidAsset, "promptImage", "invalid_asset"), (error.Refusal, error.ParameterName, error.ServerCode));
        Assert.Contains("Only HTTPS URLs are allowed", error.Message);
        Assert.Contains("does not redirect, or a local file", error.Message);
    }

    [Theory]
    [InlineData("gen3a_turbo", "gen4_turbo")]
    [InlineData("GEN3A_TURBO", "gen4_turbo")]
    public async Task ARetiredModelNamesItsReplacement(string model, string replacement)
    {
        emulator.CreateSettings = emulator.CreateSettings with
        {
            RetiredModels = new Dictionary<string, string> { ["gen3a_turbo"] = "gen4_turbo", ["GEN3A_TURBO"] = "gen4_turbo" },
        };

        var error = await RefusedAsync(new ImageToVideoRequest { PromptImage = Creators.Image, Model = model });

        Assert.Equal((CreateRefusal.RetiredModel, "model"), (error.Refusal, error.ParameterName));
        Assert.Contains($"use '{replacement}' instead", error.Message);
        Assert.Contains("Models known for image_to_video: gen4_turbo, gen4.5", error.Message);
    }

    [Fact]
    public async Task AnAssetRefusalIsNamedAsSuchEvenWhenTheModelIsRetiredAndAWordlessOneBlamesTheRetiredModel()
    {
        emulator.CreateSettings = emulator.CreateSettings with { RefuseRetiredModels = false };
        var asset = new CustomCreateRequest(CreateRoute.ImageToVideo, new Dictionary<string, object?>
        {
            ["promptImage"] = "http://assets.example.com/cat.png",
            ["model"] = "gen3a_turbo",
        });
        emulator.Faults.Add(FaultRule.Status(400, "{}").On(FaultRoute.Create));

        var wordless = await RefusedAsync(new ImageToVideoRequest { PromptImage = Creators.Image, Model = "gen3a_turbo" });
        var assetError = await RefusedAsync(asset);

        Assert.Equal(CreateRefusal.RetiredModel, wordless.Refusal);
        Assert.Contains("use 'gen4_turbo' instead", wordless.Message);
        Assert.Equal(CreateRefusal.InvalidAsset, assetError.Refusal);
    }

    [Fact]
    public async Task AMissingVersionHeaderSaysToSendIt()
    {
        // The module always sends the header; a gateway that lost it answers as the emulator does without one.
        emulator.Faults.Add(FaultRule.Gateway(400, "The X-Runway-Version header is required, e.g. X-Runway-Version: 2024-11-06.", code: "missing_runway_version").On(FaultRoute.Create));
        var creator = Creators.For(emulator);

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(new VideoUpscaleRequest { VideoUri = Creators.Video }, CancellationToken.None));

        Assert.Equal((CreateErrorKind.Refused, CreateRefusal.MissingRunwayVersion), (error.Kind, error.Refusal));
        Assert.Contains("Send the X-Runway-Version header", error.Message);
    }

    [Fact]
    public async Task ACompatibilityCodeOtherThan200IsARefusalCarryingMsg()
    {
        var request = CustomCreateRequest.FromJson(CreateRoute.ProGenerate, """{"prompt":"a comet","ratio":"1280x720"}""");

        var error = await RefusedAsync(request);

        Assert.Equal((HttpStatusCode.OK, "400", CreateRefusal.None), (error.StatusCode, error.ServerCode, error.Refusal));
        Assert.StartsWith("CometAPI refused the pro/generate request (HTTP 200 OK, code 400): ratio: '1280x720' is not a valid ratio", error.Message);
        Assert.Contains(error.ServerMessage!, error.Message);
    }

    [Fact]
    public async Task AnUnknownRouteAndARedirectAreRefusalsNamingTheBaseAddress()
    {
        var missing = await RefusedAsync(CustomCreateRequest.FromJson(CreateRoute.Parse("runwayml/v1/text_to_video"), """{"model":"gen4.5"}"""));
        emulator.Faults.Add(FaultRule.Redirect("https://elsewhere.example/").On(FaultRoute.Create));
        var moved = await RefusedAsync(new VideoUpscaleRequest { VideoUri = Creators.Video });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("There is no POST /runwayml/v1/text_to_video at http://127.0.0.1:", missing.Message);
        Assert.Contains("check the base address", moved.Message);
    }

    [Fact]
    public async Task AWrongKeyIsAnAuthenticationErrorAndMakesNothing()
    {
        var creator = Creators.For(emulator, key: "sk-wrong-key");

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(new VideoUpscaleRequest { VideoUri = Creators.Video }, CancellationToken.None));

        Assert.Equal((CreateErrorKind.Authentication, HttpStatusCode.Unauthorized), (error.Kind, error.StatusCode));
        Assert.Contains("No task was created", error.Message);
        Assert.Equal(0, emulator.CreatedCount);
    }

    [Theory]
    [InlineData(200, """{}""", "names no task id")]
    [InlineData(200, """{"id":""}""", "names no task id")]
    [InlineData(200, """{"id":"a\u0001b"}""", "task id is unusable")]
    [InlineData(200, """[1,2]""", "something other than a JSON object")]
    [InlineData(201, """{"code":200,"data":{}}""", "names no task id")]
    public async Task ASuccessWithoutAUsableIdIsAmbiguous(int status, string body, string reason)
    {
        emulator.Faults.Add(FaultRule.Status(status, body).On(FaultRoute.Create).AfterCreating());

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() =>
            Creators.For(emulator).CreateAsync(new VideoUpscaleRequest { VideoUri = Creators.Video }, CancellationToken.None));

        Assert.Equal(CreateErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains(reason, error.Message);
        Assert.Contains("The task may exist", error.Message);
    }

    [Fact]
    public async Task TasksIdsAreReadFromEveryPlaceAnEnvelopeHasPutThem()
    {
        var creator = Creators.For(emulator);
        string[] bodies =
        [
            """{"code":"success","data":{"task_id":"in-data"}}""",
            """{"code":200,"data":{"id":"data-id"}}""",
            """{"task_id":"top-level"}""",
            """{"id":"plain","status":"PENDING"}""",
        ];
        foreach (var body in bodies)
        {
            emulator.Faults.Add(FaultRule.Status(200, body).On(FaultRoute.Create));
        }

        var ids = new List<string>();
        foreach (var _ in bodies)
        {
            ids.Add((await creator.CreateAsync(new ProActOneRequest { Video = Creators.Video, Image = Creators.Image }, CancellationToken.None)).Id);
        }

        Assert.Equal(["in-data", "data-id", "top-level", "plain"], ids);
    }

    [Fact]
    public async Task AKeyTheServerEchoesNeverReachesTheErrorOrTheLog()
    {
        var log = new List<string>();
        var key = emulator.ApiKey;
        emulator.Faults.Add(FaultRule.Status(400, "{\"error\":{\"message\":\"bad key " + key + "\",\"type\":\"x\",\"param\":\"\",\"code\":\"" + key + "\"}}").On(FaultRoute.Create));
        emulator.Faults.Add(FaultRule.Status(502, $"<html>upstream said {key}</html>", contentType: "text/html").On(FaultRoute.Create));
        emulator.Faults.Add(FaultRule.Status(200, $$"""{"code":500,"msg":"no {{key}} for you"}""").On(FaultRoute.Create));
        var creator = Creators.For(emulator, log);

        var errors = new List<RunwayCreateException>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add(await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(new ProActOneRequest { Video = Creators.Video, Image = Creators.Image }, CancellationToken.None)));
        }

        Assert.All(errors, error =>
        {
            Assert.DoesNotContain(key, error.Message);
            Assert.DoesNotContain(key, error.ServerMessage ?? "");
            Assert.DoesNotContain(key, error.BodyExcerpt ?? "");
            Assert.DoesNotContain(key, error.ToString());
        });
        Assert.Contains("****", errors[0].Message);
        Assert.All(log, line => Assert.DoesNotContain(key, line));
    }

    private async Task<RunwayCreateException> RefusedAsync(CreateRequest request)
    {
        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => Creators.For(emulator).CreateAsync(request, CancellationToken.None));
        Assert.Equal(CreateErrorKind.Refused, error.Kind);
        Assert.False(error.TaskMayExist);
        Assert.Contains("No task was created.", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(0, emulator.CreatedCount);
        return error;
    }
}
