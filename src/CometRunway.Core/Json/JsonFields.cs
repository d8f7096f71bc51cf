using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>Lookups that never throw, whatever the element holds (an absent object is <c>default(JsonElement)</c>).</summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static bool Has(JsonElement obj, string name) => TryGet(obj, name, out _);

    /// <summary>A string field (numbers and booleans as their JSON text); blank strings count as absent.</summary>
    public static string? Text(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Like <see cref="Text(JsonElement, string)"/>, but an object or array is kept as its JSON text.</summary>
    public static string? AnyText(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? value.GetRawText() : Text(value);
    }

    /// <summary>The object held by <paramref name="name"/>, or <c>default</c> when there is none.</summary>
    public static JsonElement Object(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
}
