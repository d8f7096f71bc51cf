using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runway/pro/act_one</c>: the expressions of a performance video moved onto a character image (16:9 sources only).</summary>
internal sealed class ProActOneRequest : CompatibilityRequest
{
    public ProActOneRequest()
        : base(CreateRoute.ProActOne)
    {
    }

    [JsonPropertyName("video")]
    public MediaInput? Video { get; init; }

    [JsonPropertyName("image")]
    public MediaInput? Image { get; init; }

    private protected override void CheckRouteParameters()
    {
        CreateRules.Media(Video, nameof(Video), MediaKind.Video, required: true);
        CreateRules.Media(Image, nameof(Image), MediaKind.Image, required: true);
    }
}
