using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Requests are validated before anything is sent, with errors naming the parameter and what to change.</summary>
public sealed class CreateRequestTests
{
    private static readonly MediaInput Image = MediaInput.FromUrl("https://assets.example.com/cat.png");
    private static readonly MediaInput Video = MediaInput.FromUrl("https://assets.example.com/clip.mp4");
    private static readonly MediaInput PngData = MediaInput.FromUrl("data:image/png;base64,iVBORw0KGgo=");
    private static readonly MediaInput Mp4Data = MediaInput.FromUrl("data:video/mp4;base64,AAAAGGZ0eXBtcDQy");

    public static TheoryData<CreateRequest> ValidRequests() =>
    [
        new ImageToVideoRequest { PromptImage = Image },
        new TextToImageRequest { PromptText = "@cat on a sofa", ReferenceImages = [new ReferenceImage { Uri = Image, Tag = "cat" }] },
        new VideoToVideoRequest { VideoUri = Video, PromptText = "make it snow" },
        new VideoUpscaleRequest { VideoUri = Video },
        new CharacterPerformanceRequest { Character = PerformanceInput.From(Image), Reference = PerformanceInput.From(Video, "video") },
        new ProGenerateRequest { Prompt = "a comet" },
        new ProVideoToVideoRequest { Video = Video },
        new ProActOneRequest { Video = Video, Image = Image },
    ];

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void TheSmallestValidRequestOfEveryRoutePassesWithTheRoutesDefaults(CreateRequest request)
    {
        request.Validate();

        var vocabulary = RouteVocabulary.For(request.Route);
        Assert.True(request.Route.IsDocumented);
        Assert.Equal(vocabulary.DefaultModel, request.RequestedModel);
        Assert.Empty(request.Warnings());
    }

    [Fact]
    public void DefaultsAreTheCurrentModelsNotTheRetiredOnesOfTheDocs()
    {
        Assert.Equal("gen4_turbo", new ImageToVideoRequest().Model);
        Assert.Equal("gen4_image", new TextToImageRequest().Model);
        Assert.Equal("aleph2", new VideoToVideoRequest().Model);
        Assert.Equal("magnific_video_upscaler_creative", new VideoUpscaleRequest().Model);
        Assert.Equal("act_two", new CharacterPerformanceRequest().Model);
        Assert.Equal("gen4", new ProGenerateRequest().Model);
        Assert.Equal("gen4", new ProVideoToVideoRequest().Model);
        Assert.Null(RouteVocabulary.For(CreateRoute.ProActOne).DefaultModel);
        Assert.Equal(CreateDefaults.PlaceholderCallbackUrl, new ProActOneRequest().CallbackUrl);
    }

    [Theory]
    [InlineData("1280x720", "write it with a colon: '1280:720'")]
    [InlineData("1280 X 720", "'1280:720'")]
    [InlineData("16/9", "'16:9'")]
    [InlineData("wide", "not a ratio")]
    [InlineData("0:720", "not a ratio")]
    [InlineData("1280:", "not a ratio")]
    [InlineData("", "not a ratio")]
    public void RatiosMustBeWidthColonHeight(string ratio, string message)
    {
        var error = Invalid(new ImageToVideoRequest { PromptImage = Image, Ratio = ratio });

        Assert.Equal("Ratio", error.ParameterName);
        Assert.StartsWith("Ratio '", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(4_294_967_296L)]
    public void SeedsAreZeroTo4294967295(long seed)
    {
        var error = Invalid(new VideoToVideoRequest { VideoUri = Video, PromptText = "x", Seed = seed });

        Assert.Equal("Seed", error.ParameterName);
        Assert.Contains("from 0 to 4294967295", error.Message);
        new VideoToVideoRequest { VideoUri = Video, PromptText = "x", Seed = 4_294_967_295 }.Validate();
        new VideoToVideoRequest { VideoUri = Video, PromptText = "x", Seed = 0 }.Validate();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void ImageToVideoDurationsAreTwoToTenSeconds(int duration)
    {
        var error = Invalid(new ImageToVideoRequest { PromptImage = Image, Duration = duration });

        Assert.Equal("Duration", error.ParameterName);
        Assert.Contains("from 2 to 10", error.Message);
    }

    [Fact]
    public void CompatibilitySecondsAreOneToTen()
    {
        Assert.Equal("Seconds", Invalid(new ProGenerateRequest { Prompt = "p", Seconds = 0 }).ParameterName);
        Assert.Equal("Seconds", Invalid(new ProVideoToVideoRequest { Video = Video, Seconds = 11 }).ParameterName);
        new ProGenerateRequest { Prompt = "p", Seconds = 1 }.Validate();
    }

    [Fact]
    public void PromptsAreAtMostAThousandCharactersAndNotBlank()
    {
        var tooLong = Invalid(new ImageToVideoRequest { PromptImage = Image, PromptText = new string('p', 1001) });
        var blank = Invalid(new TextToImageRequest { PromptText = "   ", ReferenceImages = [new ReferenceImage { Uri = Image }] });
        var missing = Invalid(new VideoToVideoRequest { VideoUri = Video });

        Assert.Equal(("PromptText", "PromptText is 1001 characters long; Runway takes at most 1000."), (tooLong.ParameterName, tooLong.Message));
        Assert.Equal("PromptText", blank.ParameterName);
        Assert.Equal("PromptText is required.", missing.Message);
        new ImageToVideoRequest { PromptImage = Image, PromptText = new string('p', 1000) }.Validate();
    }

    [Fact]
    public void RequiredMediaIsNamedAndMustBeOfTheRightKind()
    {
        var noImage = Invalid(new ImageToVideoRequest());
        var videoAsImage = Invalid(new ImageToVideoRequest { PromptImage = Mp4Data });
        var imageAsVideo = Invalid(new VideoUpscaleRequest { VideoUri = PngData });
        var actOne = Invalid(new ProActOneRequest { Video = Video });

        Assert.Equal("PromptImage", noImage.ParameterName);
        Assert.Contains("an HTTPS URL or a local image file", noImage.Message);
        Assert.Equal("PromptImage: the data URI (video/mp4) is a video; give a PNG, JPEG or WebP image.", videoAsImage.Message);
        Assert.Equal("VideoUri: the data URI (image/png) is an image; give an MP4, MOV or WebM video.", imageAsVideo.Message);
        Assert.Equal("Image", actOne.ParameterName);
    }

    [Fact]
    public void ReferenceImagesAreOneToThreeImagesWithWordTags()
    {
        var none = Invalid(new TextToImageRequest { PromptText = "p" });
        var four = Invalid(new TextToImageRequest { PromptText = "p", ReferenceImages = Enumerable.Range(0, 4).Select(_ => new ReferenceImage { Uri = Image }).ToArray() });
        var badTag = Invalid(new TextToImageRequest { PromptText = "p", ReferenceImages = [new ReferenceImage { Uri = Image, Tag = "2cats" }] });
        var video = Invalid(new TextToImageRequest { PromptText = "p", ReferenceImages = [new ReferenceImage { Uri = Mp4Data }] });

        Assert.Contains("reference_images_empty", none.Message);
        Assert.Contains("takes 1 to 3", four.Message);
        Assert.Equal("ReferenceImages[0].Tag", badTag.ParameterName);
        Assert.Equal("ReferenceImages[0]", video.ParameterName);
    }

    [Fact]
    public void CharacterPerformanceInputsNeedTheirTypesAndIntensityIsOneToFive()
    {
        var wrongType = Invalid(new CharacterPerformanceRequest { Character = PerformanceInput.From(Image, "audio"), Reference = PerformanceInput.From(Video, "video") });
        var imageReference = Invalid(new CharacterPerformanceRequest { Character = PerformanceInput.From(Image), Reference = PerformanceInput.From(Image) });
        var intensity = Invalid(new CharacterPerformanceRequest { Character = PerformanceInput.From(Image), Reference = PerformanceInput.From(Video, "video"), ExpressionIntensity = 6 });

        Assert.Contains("'image' or 'video', not 'audio'", wrongType.Message);
        Assert.Equal("Reference", imageReference.ParameterName);
        Assert.Equal("ExpressionIntensity", intensity.ParameterName);
        Assert.Equal("video", PerformanceInput.From(Mp4Data).Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gen 4")]
    [InlineData("gen4\n")]
    public void ModelsAreFreeWordsButNotBlankOrSpaced(string model)
    {
        var error = Invalid(new ImageToVideoRequest { PromptImage = Image, Model = model });

        Assert.Equal("Model", error.ParameterName);
    }

    [Fact]
    public void CallbackUrlsMustBeHttpsUrls()
    {
        var empty = Invalid(new ProActOneRequest { Video = Video, Image = Image, CallbackUrl = "" });
        var relative = Invalid(new ProActOneRequest { Video = Video, Image = Image, CallbackUrl = "/hook" });
        var plain = Invalid(new ProActOneRequest { Video = Video, Image = Image, CallbackUrl = "http://baidu.com" });

        Assert.Equal("CallbackUrl", empty.ParameterName);
        Assert.Contains("not an https URL", relative.Message);
        Assert.Contains("signed output links", plain.Message);
        new ProActOneRequest { Video = Video, Image = Image, CallbackUrl = "https://example.com/webhook" }.Validate();
    }

    [Fact]
    public void ExtraFieldsMayNotRepeatATypedField()
    {
        var clash = Invalid(new ImageToVideoRequest { PromptImage = Image, ExtraFields = new Dictionary<string, object?> { ["seed"] = 1 } });
        var ok = new ImageToVideoRequest { PromptImage = Image, ExtraFields = new Dictionary<string, object?> { ["contentModeration2"] = 1 } };

        Assert.Equal("ExtraFields", clash.ParameterName);
        Assert.Contains("'seed'", clash.Message);
        ok.Validate();
    }

    [Fact]
    public void RetiredModelsAndUnknownRatiosAreWarnedAboutButStillSent()
    {
        var retired = new ImageToVideoRequest { PromptImage = Image, Model = "gen3a_turbo", Ratio = "1280:768" };
        var oddRatio = new TextToImageRequest { PromptText = "p", Ratio = "1280:702", ReferenceImages = [new ReferenceImage { Uri = Image }] };
        var custom = new CustomCreateRequest(CreateRoute.VideoToVideo, new Dictionary<string, object?> { ["model"] = "gen4_aleph" });

        retired.Validate();
        oddRatio.Validate();

        Assert.Contains("Runway retired the model 'gen3a_turbo' (2026-06-10); use 'gen4_turbo' instead.", Assert.Single(retired.Warnings()));
        Assert.Contains("'1280:702' is not one text_to_image is known to take", Assert.Single(oddRatio.Warnings()));
        Assert.Contains("'aleph2'", Assert.Single(custom.Warnings()));
    }

    [Theory]
    [InlineData("veo3", 5, "The duration 5 is not one veo3 is known to take (8 seconds); it is sent as given.")]
    [InlineData("VEO3.1", 5, "The duration 5 is not one VEO3.1 is known to take (4, 6, 8 seconds); it is sent as given.")]
    [InlineData("veo3", 8, null)]
    [InlineData("veo3.1", 6, null)]
    [InlineData("veo3", null, null)]
    [InlineData("gen4_turbo", 5, null)]
    public void ADurationTheModelIsNotKnownToTakeIsWarnedAboutLikeARatio(string model, int? duration, string? warning)
    {
        var request = new ImageToVideoRequest { PromptImage = Image, Model = model, Duration = duration, Ratio = "1280:720" };

        request.Validate();

        Assert.Equal(warning is null ? [] : [warning], request.Warnings());
    }

    [Fact]
    public void RoutesParseByNameOrPathAndCustomOnesNeedAFamily()
    {
        Assert.Same(CreateRoute.ImageToVideo, CreateRoute.Parse("image_to_video"));
        Assert.Same(CreateRoute.ProGenerate, CreateRoute.Parse("/runway/pro/generate"));
        Assert.Same(CreateRoute.ProActOne, CreateRoute.Parse("pro/act_one"));
        var textToVideo = CreateRoute.Parse("runwayml/v1/text_to_video");
        Assert.Equal((false, RunwayTaskFormat.Official, "POST /runwayml/v1/text_to_video"), (textToVideo.IsDocumented, textToVideo.Format, textToVideo.ToString()));
        Assert.Equal(RunwayTaskFormat.Feed, CreateRoute.Parse("runway/pro/new_thing").Format);
        Assert.Equal(new Uri("http://127.0.0.1:5080/base/runwayml/v1/image_to_video"), CreateRoute.ImageToVideo.UriFor(new Uri("http://127.0.0.1:5080/base")));
        Assert.Contains("say Official", Assert.Throws<ArgumentException>(() => CreateRoute.Parse("v2/video")).Message);
        Assert.Contains("not a route path", Assert.Throws<ArgumentException>(() => CreateRoute.Parse("runwayml/v1/../tasks")).Message);
        Assert.Contains("not a route path", Assert.Throws<ArgumentException>(() => CreateRoute.Parse("runwayml/v1/x?y=1")).Message);
        Assert.Contains("makes Official tasks", Assert.Throws<ArgumentException>(() => CreateRoute.Parse("image_to_video", RunwayTaskFormat.Feed)).Message);
    }

    [Fact]
    public void CustomBodiesAreObjectsAndGetAPlaceholderCallbackOnTheFeedFamily()
    {
        var feed = CustomCreateRequest.FromJson(CreateRoute.ProActOne, """{"video":"https://x.example/v.mp4"}""");
        var official = CustomCreateRequest.FromJson(CreateRoute.Parse("runwayml/v1/text_to_video"), """{"model":"gen4.5","promptText":"p"}""");

        Assert.Equal(CreateDefaults.PlaceholderCallbackUrl, feed.Fields["callback_url"]);
        Assert.False(official.Fields.ContainsKey("callback_url"));
        Assert.Equal(("gen4.5", "p"), (official.RequestedModel, official.RequestedPrompt));
        Assert.Contains("not valid JSON", Assert.Throws<RunwayCreateException>(() => CustomCreateRequest.FromJson(CreateRoute.ImageToVideo, "{")).Message);
        Assert.Contains("must be a JSON object", Assert.Throws<RunwayCreateException>(() => CustomCreateRequest.FromJson(CreateRoute.ImageToVideo, "[1]")).Message);
        Assert.Equal("Body", Invalid(new CustomCreateRequest(CreateRoute.ImageToVideo, new Dictionary<string, object?>())).ParameterName);
    }

    private static RunwayCreateException Invalid(CreateRequest request)
    {
        var error = Assert.Throws<RunwayCreateException>(request.Validate);
        Assert.Equal(CreateErrorKind.InvalidRequest, error.Kind);
        Assert.False(error.TaskMayExist);
        return error;
    }
}
