using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runwayml/v1/text_to_image</c>: an image from text and 1 to 3 reference images (CometAPI requires them).</summary>
internal sealed class TextToImageRequest : OfficialRequest
{
    public TextToImageRequest()
        : base(CreateRoute.TextToImage)
    {
    }

    public const int MaxReferenceImages = 3;

    [JsonPropertyName("promptText")]
    public string? PromptText { get; init; }

    [JsonPropertyName("ratio")]
    public string? Ratio { get; init; } = "1920:1080";

    [JsonPropertyName("referenceImages")]
    public IReadOnlyList<ReferenceImage>? ReferenceImages { get; init; }

    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    [JsonPropertyName("contentModeration")]
    public ContentModeration? ContentModeration { get; init; }

    internal override string? RequestedPrompt => PromptText;

    internal override string? RequestedRatio => Ratio;

    private protected override void CheckRouteParameters()
    {
        CreateRules.Prompt(PromptText, nameof(PromptText), required: true);
        CreateRules.Ratio(Ratio, nameof(Ratio), required: true);
        var count = ReferenceImages?.Count ?? 0;
        if (count is 0 or > MaxReferenceImages)
        {
            throw RunwayCreateException.Invalid(nameof(ReferenceImages), count == 0
                ? "ReferenceImages is required: text_to_image on CometAPI needs 1 to 3 reference images (it answers reference_images_empty otherwise)."
                : $"ReferenceImages has {count} images; text_to_image takes 1 to {MaxReferenceImages}.");
        }

        for (var i = 0; i < count; i++)
        {
            var reference = ReferenceImages![i] ?? throw RunwayCreateException.Invalid(nameof(ReferenceImages), $"ReferenceImages[{i}] is empty.");
            CreateRules.Media(reference.Uri, $"ReferenceImages[{i}]", MediaKind.Image, required: true);
            CreateRules.Tag(reference.Tag, $"ReferenceImages[{i}].Tag");
        }

        CreateRules.Seed(Seed);
    }
}
