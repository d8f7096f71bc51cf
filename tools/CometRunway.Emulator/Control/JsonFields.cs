using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CometRunway.Emulator.Control;

/// <summary>Typed reads of optional fields from a control request's JSON object, with clear errors.</summary>
internal sealed class JsonFields(JsonObject json, string what)
{
    public string? String(string name) => Read(name, node => node.GetValue<string>(), "a string");

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } text ? text : throw new ControlJsonException($"{what}: \"{name}\" is required (a non-empty string).");

    public bool? Bool(string name) => Read(name, node => (bool?)node.GetValue<bool>(), "true or false");

    public int? Int(string name) => Read(name, node => (int?)node.GetValue<int>(), "a whole number");

    public double? Number(string name) => Read(name, node => (double?)node.GetValue<double>(), "a number");

    public TimeSpan? Seconds(string name) => Number(name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public JsonArray? Array(string name) => Read(name, node => node.AsArray(), "an array");

    public JsonObject? Object(string name) => Read(name, node => node.AsObject(), "an object");

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, System.Enum
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new ControlJsonException($"{what}: \"{name}\" must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}, not \"{text}\".");
    }

    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Object(name) ?? [])
        {
            map[key] = value is JsonValue v && v.TryGetValue<string>(out var text)
                ? text
                : throw new ControlJsonException($"{what}: \"{name}.{key}\" must be a string.");
        }

        return map;
    }

    public static JsonObject ParseObject(string body, string what)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new ControlJsonException($"{what}: the body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ControlJsonException($"{what}: the body is not valid JSON ({e.Message}).");
        }
    }

    private T? Read<T>(string name, Func<JsonNode, T> read, string expected)
    {
        var node = json[name];
        if (node is null)
        {
            return default;
        }

        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new ControlJsonException($"{what}: \"{name}\" must be {expected}, not {node.ToJsonString()}.");
        }
    }
}
