using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Creating;

/// <summary>
/// Any body to any create route, for models, fields and routes the typed requests do not know yet. The fields are sent as
/// given (strings, numbers, booleans, null, <see cref="MediaInput"/>, dictionaries and lists); the only addition is a
/// placeholder <c>callback_url</c> on a compatibility-family route whose body has none.
/// </summary>
internal sealed class CustomCreateRequest : CreateRequest
{
    public const string CallbackUrlField = "callback_url";

    public CustomCreateRequest(CreateRoute route, IReadOnlyDictionary<string, object?> fields)
        : base(route)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = route.Format == RunwayTaskFormat.Feed && !fields.ContainsKey(CallbackUrlField)
            ? new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(fields) { [CallbackUrlField] = CreateDefaults.PlaceholderCallbackUrl })
            : fields;
    }

    /// <summary>The body's fields, in the order written.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; }

    internal override string? RequestedModel => TextField("model");

    internal override string? RequestedPrompt => TextField("promptText") ?? TextField("prompt");

    internal override string? RequestedRatio => TextField("ratio");

    /// <summary>A body given as JSON text (e.g. from <c>ConvertTo-Json</c>); it must be an object.</summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest: not JSON, or not an object.</exception>
    public static CustomCreateRequest FromJson(CreateRoute route, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new RunwayCreateException(CreateErrorKind.InvalidRequest, $"Body is not valid JSON: {e.Message}", e) { ParameterName = "Body" };
        }

        if (node is not JsonObject body)
        {
            throw RunwayCreateException.Invalid("Body", "Body must be a JSON object ({ ... }).");
        }

        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in body)
        {
            fields[name] = value?.DeepClone();
        }

        return new CustomCreateRequest(route, fields);
    }

    private protected override void CheckParameters()
    {
        if (Fields.Count == 0)
        {
            throw RunwayCreateException.Invalid("Body", "Body is empty; give the fields the route takes.");
        }

        if (Fields.Keys.Any(string.IsNullOrWhiteSpace))
        {
            throw RunwayCreateException.Invalid("Body", "Body has an empty field name.");
        }

        if (Route.Format == RunwayTaskFormat.Feed && Fields[CallbackUrlField] is string callback)
        {
            CreateRules.CallbackUrl(callback, CallbackUrlField);
        }
    }

    private string? TextField(string name) => Fields.TryGetValue(name, out var value) ? value switch
    {
        string text => text,
        JsonValue json when json.TryGetValue<string>(out var text) => text,
        _ => null,
    } : null;
}
