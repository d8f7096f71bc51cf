namespace CometRunway.Core.Tests.Emulator;

/// <summary>A valid create body for every route, as plain JSON text.</summary>
internal static class CreateSamples
{
    public const string ImageUrl = "https://assets.example.com/cat.png";
    public const string VideoUrl = "https://assets.example.com/clip.mp4";
    public const string Callback = "https://hooks.example.com/runway";

    public const string ImageToVideo = "runwayml/v1/image_to_video";
    public const string TextToImage = "runwayml/v1/text_to_image";
    public const string VideoToVideo = "runwayml/v1/video_to_video";
    public const string VideoUpscale = "runwayml/v1/video_upscale";
    public const string CharacterPerformance = "runwayml/v1/character_performance";
    public const string ProGenerate = "runway/pro/generate";
    public const string ProVideoToVideo = "runway/pro/video2video";
    public const string ProActOne = "runway/pro/act_one";

    public static string Body(string path) => Fill(path switch
    {
        ImageToVideo => """{"promptImage":"IMAGE","model":"gen4_turbo","promptText":"a cat walks","ratio":"1280:720","duration":5,"seed":4294967295}""",
        TextToImage => """{"promptText":"@cat on a sofa","ratio":"1920:1080","model":"gen4_image","referenceImages":[{"uri":"IMAGE","tag":"cat"}]}""",
        VideoToVideo => """{"videoUri":"VIDEO","promptText":"make it snow","model":"aleph2","references":[{"type":"image","uri":"IMAGE"}]}""",
        VideoUpscale => """{"videoUri":"VIDEO","model":"magnific_video_upscaler_creative"}""",
        CharacterPerformance => """{"character":{"type":"image","uri":"IMAGE"},"reference":{"type":"video","uri":"VIDEO"},"model":"act_two","expressionIntensity":3,"bodyControl":true}""",
        ProGenerate => """{"callback_url":"CALLBACK","prompt":"a comet over a runway","model":"gen4","ratio":"16:9","style":"cinematic","options":{"seconds":5,"motion_vector":{"x":0,"y":0.4,"z":0,"r":-6,"bg_x_pan":0,"bg_y_pan":0}}}""",
        ProVideoToVideo => """{"callback_url":"CALLBACK","video":"VIDEO","model":"gen4","prompt":"pixelated style","options":{"structure_transformation":0.5,"flip":true,"seconds":5}}""",
        ProActOne => """{"callback_url":"CALLBACK","video":"VIDEO","image":"IMAGE"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    });

    /// <summary>The image-to-video variant of <c>/runway/pro/generate</c>.</summary>
    public static string ProGenerateFromImage { get; } = Fill(
        """{"callback_url":"CALLBACK","image":"IMAGE","prompt":"the cat turns its head","model":"gen4","options":{"seconds":5}}""");

    private static string Fill(string body) => body
        .Replace("IMAGE", ImageUrl, StringComparison.Ordinal)
        .Replace("VIDEO", VideoUrl, StringComparison.Ordinal)
        .Replace("CALLBACK", Callback, StringComparison.Ordinal);
}
