using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CometRunway.Core.Creating;

/// <summary>
/// Writes create bodies: typed requests through the source-generated <see cref="CreateJsonContext"/>, then their extra
/// fields; custom requests field by field. Two contexts differ only in how media is written: as sent, or abbreviated for display.
/// </summary>
internal static class CreateJson
{
    // Non-ASCII prompts stay UTF-8 and base64's '+' stays '+' (the default encoder would escape both, bloating data URIs).
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly CreateJsonContext Wire = new(Options(display: false));
    private static readonly CreateJsonContext Display = new(Options(display: true));

    public static byte[] ToWire(CreateRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            Write(writer, request, display: false);
        }

        return buffer.ToArray();
    }

    public static string ToDisplay(CreateRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = true }))
        {
            Write(writer, request, display: true);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The JSON names a typed request writes itself (empty for a custom request).</summary>
    public static IReadOnlySet<string> TypedFieldNames(CreateRequest request) =>
        request is CustomCreateRequest
            ? new HashSet<string>()
            : TypeInfo(request, Wire).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static void Write(Utf8JsonWriter writer, CreateRequest request, bool display)
    {
        if (request is CustomCreateRequest custom)
        {
            WriteFields(writer, custom.Fields, display, custom.ValueUnwrapper, typed: null);
            return;
        }

        var typeInfo = TypeInfo(request, display ? Display : Wire);
        if (request.ExtraFields.Count == 0)
        {
            JsonSerializer.Serialize(writer, request, typeInfo);
            return;
        }

        var typed = JsonSerializer.SerializeToNode(request, typeInfo)!.AsObject();
        WriteFields(writer, request.ExtraFields, display, request.ValueUnwrapper, typed);
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> fields, bool display, Func<object, object?>? unwrap, System.Text.Json.Nodes.JsonObject? typed)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in typed ?? [])
        {
            writer.WritePropertyName(name);
            PlainJson.Write(writer, value, name, display, unwrap: null);
        }

        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            PlainJson.Write(writer, value, name, display, unwrap);
        }

        writer.WriteEndObject();
    }

    private static JsonTypeInfo TypeInfo(CreateRequest request, CreateJsonContext context) =>
        context.GetTypeInfo(request.GetType())
        ?? throw new InvalidOperationException($"{request.GetType().Name} is not registered in {nameof(CreateJsonContext)}.");

    private static JsonSerializerOptions Options(bool display) => new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
        Converters = { new MediaInputConverter(display) },
    };
}
