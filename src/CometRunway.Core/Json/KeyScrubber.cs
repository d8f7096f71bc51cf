using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CometRunway.Core.Configuration;

namespace CometRunway.Core.Json;

/// <summary>
/// Takes the API key out of a parsed answer before anything is read from it. A server that echoes the key (in a
/// failure text, an extra property, even a URL) must not put it into a task object, which reaches error records,
/// transcripts and <c>Export-Clixml</c>. Strings are compared after JSON unescaping, so an escaped key is found too.
/// </summary>
internal static class KeyScrubber
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document itself when it holds no key (the usual case, checked cheaply); otherwise a redacted copy, and the original is disposed.</summary>
    public static JsonDocument Scrub(JsonDocument document, ReadOnlySpan<byte> body, ApiKey? key)
    {
        if (key is null || !MayHold(body, key.Reveal()) || !Holds(document.RootElement, key.Reveal()))
        {
            return document;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(document.RootElement, writer, key);
        }

        document.Dispose();
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>
    /// Without an escape sequence, every decoded string is a run of the body's bytes, so a byte search settles it. Letter
    /// case is ignored, as <see cref="ApiKey.Redact"/> ignores it: a key echoed lower-cased still reveals it.
    /// </summary>
    private static bool MayHold(ReadOnlySpan<byte> body, string secret)
    {
        if (body.IndexOf((byte)'\\') >= 0)
        {
            return true;
        }

        // A key is printable ASCII (ApiKey refuses anything else), so its bytes are its characters.
        var pattern = Encoding.ASCII.GetBytes(secret);
        var lower = (byte)char.ToLowerInvariant(secret[0]);
        var upper = (byte)char.ToUpperInvariant(secret[0]);
        for (var rest = body; ; rest = rest[1..])
        {
            var at = rest.IndexOfAny(lower, upper);
            if (at < 0 || rest.Length - at < pattern.Length)
            {
                return false;
            }

            rest = rest[at..];
            if (Ascii.EqualsIgnoreCase(rest[..pattern.Length], pattern))
            {
                return true;
            }
        }
    }

    private static bool Holds(JsonElement element, string secret) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains(secret, StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains(secret, StringComparison.OrdinalIgnoreCase) || Holds(p.Value, secret)),
        JsonValueKind.Array => element.EnumerateArray().Any(item => Holds(item, secret)),
        _ => false,
    };

    private static void Write(JsonElement element, Utf8JsonWriter writer, ApiKey key)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(key.Redact(element.GetString()!));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(key.Redact(property.Name));
                    Write(property.Value, writer, key);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, key);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
