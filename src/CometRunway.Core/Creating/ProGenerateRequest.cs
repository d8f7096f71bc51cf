using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>
/// <c>POST /runway/pro/generate</c>: a video from text, or from an image when <see cref="Image"/> is set. The options are
/// flat here and nested under <c>options</c> in the body. The end-frame field is not typed: its JSON name is uncertain
/// (<c>last_image</c> or <c>options.image_as_end_frame</c>); send it through <see cref="CreateRequest.ExtraFields"/>.
/// </summary>
internal sealed class ProGenerateRequest : CompatibilityRequest
{
    public ProGenerateRequest()
        : base(CreateRoute.ProGenerate)
    {
    }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("image")]
    public MediaInput? Image { get; init; }

    /// <summary>The wrapper's own model names (<c>gen4</c>), not Runway's API ids.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; } = RouteVocabulary.For(CreateRoute.ProGenerate).DefaultModel;

    [JsonPropertyName("ratio")]
    public string? Ratio { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonIgnore]
    public int? Seconds { get; init; } = 5;

    /// <summary>Camera motion. Text-to-video sends <see cref="MotionVector.None"/> when none is given: the page lists it as required.</summary>
    [JsonIgnore]
    public MotionVector? MotionVector { get; init; }

    [JsonPropertyName("options")]
    public CompatibilityOptions Options => new()
    {
        Seconds = Seconds,
        MotionVector = MotionVector ?? (Image is null ? MotionVector.None : null),
    };

    internal override string? RequestedModel => Model;

    internal override string? RequestedPrompt => Prompt;

    internal override string? RequestedRatio => Ratio;

    private protected override void CheckRouteParameters()
    {
        CreateRules.Text(Prompt, nameof(Prompt), required: true);
        CreateRules.Media(Image, nameof(Image), MediaKind.Image, required: false);
        CreateRules.Model(Model, nameof(Model), required: false);
        CreateRules.Ratio(Ratio, nameof(Ratio), required: false);
        CreateRules.Text(Style, nameof(Style), required: false, maxLength: 100);
        CheckSeconds(Seconds, nameof(Seconds));
        MotionVector?.Check(nameof(MotionVector));
    }
}
