using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>Parses a response body as JSON without throwing, saying why when it cannot.</summary>
internal static class LenientJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <returns>The document, or null with <paramref name="whyNot"/> describing the body for an error message.</returns>
    public static JsonDocument? TryParse(ReadOnlySpan<byte> utf8Body, out string? whyNot) =>
        TryParse(new ReadOnlyMemory<byte>(utf8Body.ToArray()), out whyNot);

    /// <summary>Like the span overload, but the document reads <paramref name="utf8Body"/> in place: no copy of the body.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8Body, out string? whyNot)
    {
        var body = utf8Body[(utf8Body.Length - Utf8Bom.Skip(utf8Body.Span).Length)..];
        var start = FirstNonWhitespace(body.Span);
        if (start < 0)
        {
            whyNot = "an empty body";
            return null;
        }

        if (body.Span[start] == (byte)'<')
        {
            whyNot = "HTML or XML, not JSON (a wrong base address or a proxy in between?)";
            return null;
        }

        try
        {
            whyNot = null;
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            whyNot = "a body that is not valid JSON (cut off, or not JSON at all)";
            return null;
        }
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
