using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>POST /runwayml/v1/character_performance</c> (Act-Two): a character driven by a performance video.</summary>
internal sealed class CharacterPerformanceRequest : OfficialRequest
{
    public CharacterPerformanceRequest()
        : base(CreateRoute.CharacterPerformance)
    {
    }

    /// <summary>The character: <c>{type: image|video, uri}</c>.</summary>
    [JsonPropertyName("character")]
    public PerformanceInput? Character { get; init; }

    /// <summary>The performance: <c>{type: video, uri}</c>, 3 to 30 seconds (Runway).</summary>
    [JsonPropertyName("reference")]
    public PerformanceInput? Reference { get; init; }

    [JsonPropertyName("bodyControl")]
    public bool? BodyControl { get; init; }

    /// <summary>1 to 5; higher is stronger.</summary>
    [JsonPropertyName("expressionIntensity")]
    public int? ExpressionIntensity { get; init; }

    [JsonPropertyName("ratio")]
    public string? Ratio { get; init; }

    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    [JsonPropertyName("contentModeration")]
    public ContentModeration? ContentModeration { get; init; }

    internal override string? RequestedRatio => Ratio;

    private protected override void CheckRouteParameters()
    {
        CheckInput(Character, nameof(Character), "image", "video");
        CheckInput(Reference, nameof(Reference), "video");
        CreateRules.Range(ExpressionIntensity, nameof(ExpressionIntensity), 1, 5);
        CreateRules.Ratio(Ratio, nameof(Ratio), required: false);
        CreateRules.Seed(Seed);
    }

    private static void CheckInput(PerformanceInput? input, string name, params string[] types)
    {
        CreateRules.Required(input, name, $"{string.Join(" or ", types)} as an HTTPS URL or a local file");
        if (input!.Type is null || !types.Contains(input.Type, StringComparer.Ordinal))
        {
            throw RunwayCreateException.Invalid(name, $"{name}'s type must be {string.Join(" or ", types.Select(t => $"'{t}'"))}, not '{input.Type}'.");
        }

        CreateRules.Media(input.Uri, name, input.Type == "video" ? MediaKind.Video : MediaKind.Image, required: true);
    }
}
