using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CometRunway.Core.Creating;

/// <summary>
/// Writes plain .NET values (what a script hands over: strings, numbers, booleans, null, dictionaries, lists, dates,
/// URIs, <see cref="MediaInput"/>, JSON nodes) as JSON, naming the field when a value cannot be sent.
/// </summary>
internal static class PlainJson
{
    private const int MaxDepth = 64;

    /// <summary>Writes <paramref name="value"/>, found at <paramref name="path"/>; <paramref name="unwrap"/> is applied to every value first (e.g. to take a PowerShell PSObject's base object).</summary>
    public static void Write(Utf8JsonWriter writer, object? value, string path, bool display, Func<object, object?>? unwrap, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(path, $"is nested more than {MaxDepth} levels deep (a value that contains itself?).");
        }

        if (value is not null && unwrap is not null)
        {
            value = unwrap(value);
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case float or double:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(real))
                {
                    throw Invalid(path, $"is {real.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.");
                }

                writer.WriteNumberValue(real);
                break;
            case MediaInput media:
                writer.WriteStringValue(display ? media.DisplayValue : media.WireValue(path));
                break;
            case Uri uri:
                writer.WriteStringValue(uri.OriginalString);
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime moment:
                writer.WriteStringValue(moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case Enum choice:
                writer.WriteStringValue(choice.ToString());
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                    writer.WritePropertyName(name);
                    Write(writer, entry.Value, path + "." + name, display, unwrap, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (name, item) in pairs)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item, path + "." + name, display, unwrap, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in items)
                {
                    Write(writer, item, $"{path}[{index++}]", display, unwrap, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw Invalid(path, $"is a {value.GetType().Name}, which cannot be sent; use strings, numbers, booleans, lists and dictionaries.");
        }
    }

    private static RunwayCreateException Invalid(string path, string problem) => RunwayCreateException.Invalid(path, $"The field '{path}' {problem}");
}
