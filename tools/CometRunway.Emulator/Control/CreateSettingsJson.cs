using System.Text.Json.Nodes;
using CometRunway.Emulator.Creating;

namespace CometRunway.Emulator.Control;

/// <summary>
/// Reads and writes <see cref="CreateSettings"/> for <c>/_emulator/create-settings</c>. A POST changes only the fields it names:
/// <code>
/// {"visibleAfterSeconds":0.5,"runsForSeconds":3,"envelope":"Alternating","requireRunwayVersion":false,
///  "refuseRetiredModels":true,"retiredModels":{"gen3a_turbo":"gen4_turbo"},"refusalsInsideOk":false,"failureMarker":"#fail"}
/// </code>
/// </summary>
internal static class CreateSettingsJson
{
    public static CreateSettings Apply(CreateSettings current, JsonObject json)
    {
        var fields = new JsonFields(json, "create settings");
        var retired = json.ContainsKey("retiredModels") ? fields.StringMap("retiredModels") : current.RetiredModels;
        return current with
        {
            VisibleAfter = NotNegative(fields.Seconds("visibleAfterSeconds"), "visibleAfterSeconds") ?? current.VisibleAfter,
            RunsFor = NotNegative(fields.Seconds("runsForSeconds"), "runsForSeconds") ?? current.RunsFor,
            Envelope = fields.Enum<EnvelopeStyle>("envelope") ?? current.Envelope,
            RequireRunwayVersion = fields.Bool("requireRunwayVersion") ?? current.RequireRunwayVersion,
            RefuseRetiredModels = fields.Bool("refuseRetiredModels") ?? current.RefuseRetiredModels,
            RetiredModels = retired,
            RefusalsInsideOk = fields.Bool("refusalsInsideOk") ?? current.RefusalsInsideOk,
            FailureMarker = fields.String("failureMarker") ?? current.FailureMarker,
        };
    }

    public static JsonObject Write(CreateSettings settings) => new()
    {
        ["visibleAfterSeconds"] = settings.VisibleAfter.TotalSeconds,
        ["runsForSeconds"] = settings.RunsFor.TotalSeconds,
        ["envelope"] = settings.Envelope.ToString(),
        ["requireRunwayVersion"] = settings.RequireRunwayVersion,
        ["refuseRetiredModels"] = settings.RefuseRetiredModels,
        ["retiredModels"] = new JsonObject(settings.RetiredModels.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["refusalsInsideOk"] = settings.RefusalsInsideOk,
        ["failureMarker"] = settings.FailureMarker,
    };

    private static TimeSpan? NotNegative(TimeSpan? value, string name) =>
        value < TimeSpan.Zero ? throw new ControlJsonException($"create settings: \"{name}\" must not be negative.") : value;
}
