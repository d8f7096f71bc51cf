using System.Text;
using CometRunway.Core.Configuration;

namespace CometRunway.Core.Json;

/// <summary>A short, printable quote of a response body for error messages, without the key.</summary>
internal static class BodyExcerpt
{
    public const int DefaultMaxChars = 300;

    private const char Ellipsis = '…';

    /// <summary>
    /// Decodes the start of <paramref name="body"/> as UTF-8 (invalid bytes become U+FFFD), turns control
    /// characters and whitespace runs into single spaces so HTML and pretty-printed JSON stay on one line, takes the
    /// key out (<see cref="ServerText.Redact"/>) and only then cuts at <paramref name="maxChars"/> with "…".
    /// </summary>
    public static string From(ReadOnlySpan<byte> body, int maxChars = DefaultMaxChars, ApiKey? key = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);

        body = Utf8Bom.Skip(body);

        // At most 3 bytes make one UTF-16 char (4 bytes make two), so this prefix always yields more than maxChars
        // chars when the body is longer; we never decode a whole large body. The margin holds a key that begins
        // before the cut however it is written (a JSON escape takes 6 bytes a character).
        var margin = key is null ? 0 : key.Reveal().Length * 6L + 6;
        var byteBudget = (int)Math.Min((long)maxChars * 4 + 4 + margin, int.MaxValue);
        var bytesCut = body.Length > byteBudget;
        var decoded = Encoding.UTF8.GetString(bytesCut ? body[..byteBudget] : body);

        var text = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        var redacted = ServerText.Redact(text.ToString(), key);
        var cut = ServerText.CutAt(redacted, maxChars);
        return cut < redacted.Length || bytesCut ? ServerText.Head(redacted, cut, key).TrimEnd(' ') + Ellipsis : redacted;
    }
}
