using System.Globalization;
using System.Text;
using CometRunway.Core.Configuration;

namespace CometRunway.Core.Json;

/// <summary>
/// Text a server wrote that goes into a task, an error message or any property of an error record. The one rule: the
/// key comes out of the whole text first (as written, JSON-escaped or percent-encoded), and only then is the text cut,
/// to at most <see cref="MaxChars"/> characters, so a megabytes-long text cannot become a megabytes-long record; a start
/// of the key left at the cut's end comes out too.
/// </summary>
internal static class ServerText
{
    public const int MaxChars = 2000;

    /// <summary>Shorter starts of the key than this are not told from ordinary text at a cut's end.</summary>
    private const int ShortestKeyStart = 4;

    /// <summary>The text without the key, or its first <see cref="MaxChars"/> characters followed by how long it was.</summary>
    public static string? Cap(string? text, ApiKey? key = null)
    {
        if (text is null)
        {
            return null;
        }

        text = Redact(text, key);
        if (text.Length <= MaxChars)
        {
            return text;
        }

        var cut = CutAt(text, MaxChars);
        return string.Create(CultureInfo.InvariantCulture, $"{Head(text, cut, key)}… (cut at {cut} of {text.Length} characters)");
    }

    /// <summary>Where to cut a text to at most <paramref name="maxChars"/> characters without cutting a character in half.</summary>
    public static int CutAt(string text, int maxChars) =>
        text.Length <= maxChars ? text.Length : char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;

    /// <summary>The first <paramref name="length"/> characters of an already redacted text, without a start of the key at their end.</summary>
    public static string Head(string redacted, int length, ApiKey? key) =>
        length >= redacted.Length ? redacted : WithoutKeyStartAtEnd(redacted[..length], key);

    /// <summary>The whole text with the key replaced by <c>****</c>, also where it is written with JSON escapes or percent-encoded.</summary>
    public static string Redact(string text, ApiKey? key)
    {
        if (key is null || text.Length == 0)
        {
            return text;
        }

        var redacted = key.Redact(text);
        foreach (var decoded in new[] { JsonUnescaped(redacted), PercentDecoded(redacted) })
        {
            if (decoded is not null && decoded.Contains(key.Reveal(), StringComparison.OrdinalIgnoreCase))
            {
                // Only a text that hides the key is shown decoded; every other text stays as the server wrote it.
                redacted = key.Redact(decoded);
            }
        }

        return redacted;
    }

    private static string WithoutKeyStartAtEnd(string head, ApiKey? key)
    {
        if (key is null)
        {
            return head;
        }

        foreach (var form in new[] { key.Reveal(), Uri.EscapeDataString(key.Reveal()) })
        {
            for (var length = Math.Min(form.Length - 1, head.Length); length >= ShortestKeyStart; length--)
            {
                if (head.AsSpan().EndsWith(form.AsSpan(0, length), StringComparison.OrdinalIgnoreCase))
                {
                    return head[..^length] + "****";
                }
            }
        }

        return head;
    }

    /// <summary>The text with <c>\uXXXX</c>, <c>\/</c>, <c>\\</c> and <c>\"</c> decoded; null when it has none.</summary>
    private static string? JsonUnescaped(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is 'u' or 'U' && i + 5 < text.Length
                    && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    result.Append((char)code);
                    i += 5;
                    continue;
                }

                if (next is '/' or '\\' or '"')
                {
                    result.Append(next);
                    i++;
                    continue;
                }
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    private static string? PercentDecoded(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
