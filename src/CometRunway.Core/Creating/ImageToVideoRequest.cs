using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runwayml/v1/image_to_video</c>: a video from an image.</summary>
internal sealed class ImageToVideoRequest : OfficialRequest
{
    public ImageToVideoRequest()
        : base(CreateRoute.ImageToVideo)
    {
    }

    [JsonPropertyName("promptImage")]
    public MediaInput? PromptImage { get; init; }

    /// <remarks>
    /// At most 1000 characters: Runway's limit for its current models. CometAPI's page says 512, an older figure; a
    /// longer prompt it refuses comes back as an error with its reason, while a 512 cap here could never be lifted.
    /// </remarks>
    [JsonPropertyName("promptText")]
    public string? PromptText { get; init; }

    /// <summary>Seconds, 2 to 10 (gen4_turbo and gen4.5 take 2–10, veo3 only 8, veo3.1 4/6/8). Null: the model's default.</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; init; }

    /// <summary>Width:height. Runway requires one since 2025-04-30, so the default is gen4_turbo's 1280:720.</summary>
    [JsonPropertyName("ratio")]
    public string? Ratio { get; init; } = "1280:720";

    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    /// <summary>Runway dropped this field in 2025; CometAPI still lists it. Sent only when set.</summary>
    [JsonPropertyName("watermark")]
    public bool? Watermark { get; init; }

    [JsonPropertyName("contentModeration")]
    public ContentModeration? ContentModeration { get; init; }

    internal override string? RequestedPrompt => PromptText;

    internal override string? RequestedRatio => Ratio;

    internal override int? RequestedDuration => Duration;

    private protected override void CheckRouteParameters()
    {
        CreateRules.Media(PromptImage, nameof(PromptImage), MediaKind.Image, required: true);
        CreateRules.Prompt(PromptText, nameof(PromptText), required: false);
        CreateRules.Range(Duration, nameof(Duration), 2, 10, "CometAPI suggests 5 or 10");
        CreateRules.Ratio(Ratio, nameof(Ratio), required: false);
        CreateRules.Seed(Seed);
    }
}
