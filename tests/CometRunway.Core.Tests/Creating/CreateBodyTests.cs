using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using CometRunway.Core.Creating;

namespace CometRunway.Core.Tests.Creating;

/// <summary>The JSON each request writes: the documented field names, nothing unset, extras after, media as sent or abbreviated.</summary>
public sealed class CreateBodyTests : IDisposable
{
    private static readonly MediaInput Image = MediaInput.FromUrl("https://assets.example.com/cat.png");
    private static readonly MediaInput Video = MediaInput.FromUrl("https://assets.example.com/clip.mp4");

    private readonly TempMedia media = new();

    public void Dispose() => media.Dispose();

    [Fact]
    public void OfficialBodiesUseRunwaysNamesAndLeaveOutWhatIsNotSet()
    {
        Assert.Equal(
            """{"promptImage":"https://assets.example.com/cat.png","promptText":"a cat walks","duration":5,"ratio":"1280:720","seed":4294967295,"contentModeration":{"publicFigureThreshold":"low"},"model":"gen4_turbo"}""",
            Wire(new ImageToVideoRequest { PromptImage = Image, PromptText = "a cat walks", Duration = 5, Seed = 4_294_967_295, ContentModeration = new() { PublicFigureThreshold = "low" } }));
        Assert.Equal(
            """{"promptText":"@cat","ratio":"1920:1080","referenceImages":[{"uri":"https://assets.example.com/cat.png","tag":"cat"},{"uri":"https://assets.example.com/cat.png"}],"model":"gen4_image"}""",
            Wire(new TextToImageRequest { PromptText = "@cat", ReferenceImages = [new() { Uri = Image, Tag = "cat" }, new() { Uri = Image }] }));
        Assert.Equal(
            """{"videoUri":"https://assets.example.com/clip.mp4","promptText":"snow","references":[{"type":"image","uri":"https://assets.example.com/cat.png"}],"model":"aleph2"}""",
            Wire(new VideoToVideoRequest { VideoUri = Video, PromptText = "snow", References = [new() { Uri = Image }] }));
        Assert.Equal(
            """{"videoUri":"https://assets.example.com/clip.mp4","model":"magnific_video_upscaler_creative"}""",
            Wire(new VideoUpscaleRequest { VideoUri = Video }));
        Assert.Equal(
            """{"character":{"type":"image","uri":"https://assets.example.com/cat.png"},"reference":{"type":"video","uri":"https://assets.example.com/clip.mp4"},"bodyControl":true,"expressionIntensity":3,"model":"act_two"}""",
            Wire(new CharacterPerformanceRequest { Character = PerformanceInput.From(Image), Reference = PerformanceInput.From(Video, "video"), BodyControl = true, ExpressionIntensity = 3 }));
    }

    [Fact]
    public void CompatibilityBodiesAlwaysCarryACallbackAndNestTheirOptions()
    {
        Assert.Equal(
            """{"prompt":"a comet","model":"gen4","ratio":"16:9","style":"cinematic","options":{"seconds":10,"motion_vector":{"x":0,"y":0.4,"z":0,"r":-6,"bg_x_pan":0,"bg_y_pan":0}},"callback_url":"https://callback.invalid/cometrunway"}""",
            Wire(new ProGenerateRequest { Prompt = "a comet", Ratio = "16:9", Style = "cinematic", Seconds = 10, MotionVector = new() { Y = 0.4, R = -6 } }));
        Assert.Equal(
            """{"prompt":"text only","model":"gen4","options":{"seconds":5,"motion_vector":{"x":0,"y":0,"z":0,"r":0,"bg_x_pan":0,"bg_y_pan":0}},"callback_url":"https://callback.invalid/cometrunway"}""",
            Wire(new ProGenerateRequest { Prompt = "text only" }));
        Assert.Equal(
            """{"prompt":"turn","image":"https://assets.example.com/cat.png","model":"gen4","options":{"seconds":5},"callback_url":"https://hooks.example.com/r"}""",
            Wire(new ProGenerateRequest { Prompt = "turn", Image = Image, CallbackUrl = "https://hooks.example.com/r" }));
        Assert.Equal(
            """{"video":"https://assets.example.com/clip.mp4","model":"gen4","prompt":"pixelated","options":{"seconds":5,"structure_transformation":0.5,"flip":true},"callback_url":"https://callback.invalid/cometrunway"}""",
            Wire(new ProVideoToVideoRequest { Video = Video, Prompt = "pixelated", StructureTransformation = 0.5, Flip = true }));
        Assert.Equal(
            """{"video":"https://assets.example.com/clip.mp4","image":"https://assets.example.com/cat.png","callback_url":"https://callback.invalid/cometrunway"}""",
            Wire(new ProActOneRequest { Video = Video, Image = Image }));
    }

    [Fact]
    public void ExtraFieldsFollowTheTypedOnesWithPlainValuesOfAnyDepth()
    {
        var extras = new Dictionary<string, object?>
        {
            ["resolution"] = "4k",
            ["creativity"] = 40,
            ["fpsBoost"] = true,
            ["sharpen"] = 12.5m,
            ["nothing"] = null,
            ["nested"] = new Hashtable { ["list"] = new object?[] { 1L, "two", null, new Uri("https://x.example/a b") } },
            ["at"] = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero),
            ["node"] = JsonNode.Parse("""{"a":[1,2]}"""),
        };

        var body = Wire(new VideoUpscaleRequest { VideoUri = Video, ExtraFields = extras });

        Assert.Equal(
            """{"videoUri":"https://assets.example.com/clip.mp4","model":"magnific_video_upscaler_creative","resolution":"4k","creativity":40,"fpsBoost":true,"sharpen":12.5,"nothing":null,"nested":{"list":[1,"two",null,"https://x.example/a b"]},"at":"2026-07-01T12:00:00.0000000+00:00","node":{"a":[1,2]}}""",
            body);
    }

    [Fact]
    public void ValuesThatCannotBeSentAreRefusedNamingTheField()
    {
        var request = new VideoUpscaleRequest { VideoUri = Video, ExtraFields = new Dictionary<string, object?> { ["a"] = new Hashtable { ["b"] = new object() } } };
        var nan = new VideoUpscaleRequest { VideoUri = Video, ExtraFields = new Dictionary<string, object?> { ["x"] = double.NaN } };

        var error = Assert.Throws<RunwayCreateException>(() => request.ToUtf8Json());

        Assert.Equal(("a.b", CreateErrorKind.InvalidRequest), (error.ParameterName, error.Kind));
        Assert.Contains("is a Object, which cannot be sent", error.Message);
        Assert.Contains("NaN", Assert.Throws<RunwayCreateException>(() => nan.ToUtf8Json()).Message);
    }

    [Fact]
    public void AnUnwrapperSeesEveryExtraValueFirst()
    {
        var request = new CustomCreateRequest(CreateRoute.ImageToVideo, new Dictionary<string, object?> { ["model"] = new Boxed("gen4_turbo"), ["list"] = new[] { new Boxed(1) } })
        {
            ValueUnwrapper = value => value is Boxed boxed ? boxed.Value : value,
        };

        Assert.Equal("""{"model":"gen4_turbo","list":[1]}""", Wire(request));
    }

    [Fact]
    public void NonAsciiPromptsAndBase64StayUnescaped()
    {
        var request = new ImageToVideoRequest { PromptImage = MediaInput.FromUrl("data:image/png;base64,+/+/"), PromptText = "彗星が滑走路の上を飛ぶ <&>" };

        var body = Wire(request);

        Assert.Contains("\"promptText\":\"彗星が滑走路の上を飛ぶ <&>\"", body);
        Assert.Contains("data:image/png;base64,+/+/", body);
    }

    [Fact]
    public void FilesAreReadIntoTheWireBodyButTheDisplayBodyOnlyNamesThem()
    {
        var path = media.File("cat.png", TempMedia.PngSignature, 300);
        var request = new ImageToVideoRequest { PromptImage = MediaInput.FromFile(path), ExtraFields = new Dictionary<string, object?> { ["end"] = MediaInput.FromFile(path) } };
        var base64 = Convert.ToBase64String(File.ReadAllBytes(path));

        var wire = Wire(request);
        File.Delete(path);
        var display = request.ToDisplayJson();

        Assert.Contains($"\"promptImage\":\"data:image/png;base64,{base64}\"", wire);
        Assert.Contains($"\"end\":\"data:image/png;base64,{base64}\"", wire);
        Assert.Contains("\n  \"promptImage\": \"data:image/png;base64,… (422 characters from '", display);
        Assert.DoesNotContain(base64, display);
        Assert.Contains("\"model\": \"gen4_turbo\"", display);
    }

    [Fact]
    public void CustomBodiesAreWrittenAsGiven()
    {
        var request = CustomCreateRequest.FromJson(CreateRoute.Parse("runwayml/v1/text_to_video"), """{"model":"gen4.5","promptText":"p","ratio":"1280:720","duration":5,"extra":{"deep":[true]}}""");

        Assert.Equal("""{"model":"gen4.5","promptText":"p","ratio":"1280:720","duration":5,"extra":{"deep":[true]}}""", Wire(request));
    }

    private static string Wire(CreateRequest request) => Encoding.UTF8.GetString(request.ToUtf8Json());

    private sealed record Boxed(object Value);
}
