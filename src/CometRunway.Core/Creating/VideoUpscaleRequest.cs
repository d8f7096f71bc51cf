using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runwayml/v1/video_upscale</c>: a video upscaled.</summary>
/// <remarks>
/// The default model is <c>magnific_video_upscaler_creative</c>, not the <c>upscale_v1</c> of CometAPI's page: Runway sunset
/// upscale_v1 on 2026-01-17 and reopened the route on 2026-06-26 with this model only. Its own options (resolution,
/// creativity, …) go in <see cref="CreateRequest.ExtraFields"/>.
/// </remarks>
internal sealed class VideoUpscaleRequest : OfficialRequest
{
    public VideoUpscaleRequest()
        : base(CreateRoute.VideoUpscale)
    {
    }

    [JsonPropertyName("videoUri")]
    public MediaInput? VideoUri { get; init; }

    private protected override void CheckRouteParameters()
    {
        CreateRules.Media(VideoUri, nameof(VideoUri), MediaKind.Video, required: true);
    }
}
