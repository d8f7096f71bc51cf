using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runway/pro/video2video</c>: a video restyled. The options are flat here and nested under <c>options</c> in the body.</summary>
internal sealed class ProVideoToVideoRequest : CompatibilityRequest
{
    public ProVideoToVideoRequest()
        : base(CreateRoute.ProVideoToVideo)
    {
    }

    [JsonPropertyName("video")]
    public MediaInput? Video { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; } = RouteVocabulary.For(CreateRoute.ProVideoToVideo).DefaultModel;

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>How far from the source, 0 to 1 (the docs' example: 0.5).</summary>
    [JsonIgnore]
    public double? StructureTransformation { get; init; }

    /// <summary>Not explained by the docs (probably portrait orientation).</summary>
    [JsonIgnore]
    public bool? Flip { get; init; }

    [JsonIgnore]
    public int? Seconds { get; init; } = 5;

    [JsonPropertyName("options")]
    public CompatibilityOptions Options => new() { StructureTransformation = StructureTransformation, Flip = Flip, Seconds = Seconds };

    internal override string? RequestedModel => Model;

    internal override string? RequestedPrompt => Prompt;

    private protected override void CheckRouteParameters()
    {
        CreateRules.Media(Video, nameof(Video), MediaKind.Video, required: true);
        CreateRules.Model(Model, nameof(Model), required: false);
        CreateRules.Text(Prompt, nameof(Prompt), required: false);
        CreateRules.Finite(StructureTransformation, nameof(StructureTransformation), 0, 1);
        CheckSeconds(Seconds, nameof(Seconds));
    }
}
