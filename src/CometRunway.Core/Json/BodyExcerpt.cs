using System.Text;

namespace CometRunway.Core.Json;

/// <summary>A short, printable quote of a response body for error messages.</summary>
internal static class BodyExcerpt
{
    public const int DefaultMaxChars = 300;

    private const char Ellipsis = '…';

    /// <summary>
    /// Decodes the start of <paramref name="body"/> as UTF-8 (invalid bytes become U+FFFD), turns control
    /// characters and whitespace runs into single spaces so HTML and pretty-printed JSON stay on one line,
    /// and cuts at <paramref name="maxChars"/> with "…".
    /// </summary>
    public static string From(ReadOnlySpan<byte> body, int maxChars = DefaultMaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);

        body = Utf8Bom.Skip(body);

        // At most 3 bytes make one UTF-16 char (4 bytes make two), so this prefix always yields more than maxChars
        // chars when the body is longer; we never decode a whole large body.
        int byteBudget = (int)Math.Min((long)maxChars * 4 + 4, int.MaxValue);
        bool bytesCut = body.Length > byteBudget;
        string decoded = Encoding.UTF8.GetString(bytesCut ? body[..byteBudget] : body);

        var text = new StringBuilder(Math.Min(decoded.Length, maxChars + 1));
        bool pendingSpace = false;
        bool charsCut = false;
        for (int i = 0; i < decoded.Length; i++)
        {
            char c = decoded[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            int needed = (pendingSpace ? 1 : 0) + (char.IsHighSurrogate(c) ? 2 : 1);
            if (text.Length + needed > maxChars)
            {
                charsCut = true;
                break;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
            if (char.IsHighSurrogate(c) && i + 1 < decoded.Length)
            {
                text.Append(decoded[++i]);
            }
        }

        if (charsCut || bytesCut)
        {
            text.Append(Ellipsis);
        }

        return text.ToString();
    }
}
