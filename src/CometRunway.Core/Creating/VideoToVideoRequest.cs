using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runwayml/v1/video_to_video</c>: a video restyled by a prompt.</summary>
/// <remarks>
/// The default model is <c>aleph2</c>, not the <c>gen4_aleph</c> of CometAPI's page: Runway removed gen4_aleph from its
/// API on 2026-06-10 and names aleph2 its successor on this route, and CometAPI forwards the model as given.
/// </remarks>
internal sealed class VideoToVideoRequest : OfficialRequest
{
    public VideoToVideoRequest()
        : base(CreateRoute.VideoToVideo)
    {
    }

    [JsonPropertyName("videoUri")]
    public MediaInput? VideoUri { get; init; }

    [JsonPropertyName("promptText")]
    public string? PromptText { get; init; }

    [JsonPropertyName("references")]
    public IReadOnlyList<VideoReference>? References { get; init; }

    /// <summary>Ignored by Runway for this route since 2026-02 (the output follows the input video); sent only when set.</summary>
    [JsonPropertyName("ratio")]
    public string? Ratio { get; init; }

    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    [JsonPropertyName("contentModeration")]
    public ContentModeration? ContentModeration { get; init; }

    internal override string? RequestedPrompt => PromptText;

    internal override string? RequestedRatio => Ratio;

    private protected override void CheckRouteParameters()
    {
        CreateRules.Media(VideoUri, nameof(VideoUri), MediaKind.Video, required: true);
        CreateRules.Prompt(PromptText, nameof(PromptText), required: true);
        for (var i = 0; i < (References?.Count ?? 0); i++)
        {
            var reference = References![i] ?? throw RunwayCreateException.Invalid(nameof(References), $"References[{i}] is empty.");
            CreateRules.Media(reference.Uri, $"References[{i}]", MediaKind.Image, required: true);
        }

        CreateRules.Ratio(Ratio, nameof(Ratio), required: false);
        CreateRules.Seed(Seed);
    }
}
