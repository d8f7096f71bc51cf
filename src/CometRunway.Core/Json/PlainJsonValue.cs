using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>
/// Converts JSON to ordinary .NET values (string, long, double, bool, null, Dictionary, List) so that
/// no <see cref="JsonElement"/> outlives its document or reaches the pipeline.
/// </summary>
internal static class PlainJsonValue
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => Number(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => FromArray(element),
        _ => null,
    };

    public static Dictionary<string, object?> FromObject(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Indexer, not Add: a duplicate key in the JSON keeps its last value instead of throwing.
            result[property.Name] = From(property.Value);
        }

        return result;
    }

    private static List<object?> FromArray(JsonElement element)
    {
        var result = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            result.Add(From(item));
        }

        return result;
    }

    private static object Number(JsonElement element)
    {
        if (element.TryGetInt64(out var integral))
        {
            return integral;
        }

        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            // Beyond double's range (e.g. 1e400): keep the digits rather than lose them.
            return element.GetRawText();
        }

        var fitsLong = value >= long.MinValue && value < long.MaxValue;
        return fitsLong && Math.Floor(value) == value ? (object)(long)value : value;
    }
}
