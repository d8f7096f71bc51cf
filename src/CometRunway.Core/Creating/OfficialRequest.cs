using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>A request to a <c>/runwayml/v1/…</c> route: Runway's field names, and a model (the route's current default unless given).</summary>
internal abstract class OfficialRequest : CreateRequest
{
    private protected OfficialRequest(CreateRoute route)
        : base(route)
    {
        Model = RouteVocabulary.For(route).DefaultModel!;
    }

    /// <summary>Any model id; <see cref="RouteVocabulary"/> lists the known ones. Defaults to the route's current model.</summary>
    [JsonPropertyName("model")]
    public string Model { get; init; }

    internal override string? RequestedModel => Model;

    private protected override void CheckParameters()
    {
        CreateRules.Model(Model, nameof(Model), required: true);
        CheckRouteParameters();
    }

    private protected abstract void CheckRouteParameters();
}
