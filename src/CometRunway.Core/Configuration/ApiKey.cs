using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using CometRunway.Core.Http;

namespace CometRunway.Core.Configuration;

/// <summary>
/// A CometAPI key. It prints as a mask everywhere; only the HTTP layer reads the secret, to build the
/// <c>Authorization</c> header of a request to the API's own host.
/// </summary>
[DebuggerDisplay("ApiKey(****)")]
public sealed class ApiKey
{
    /// <summary>From this length on, text holding the key is taken to be the key wherever it appears.</summary>
    public const int UnambiguousLength = 16;

    private readonly string secret;

    private ApiKey(string secret) => this.secret = secret;

    public static ApiKey FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed["Bearer ".Length..].Trim();
        }

        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The API key is empty.");
        }

        if (trimmed.Any(char.IsControl) || trimmed.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The API key contains white space or control characters; copy it again from the CometAPI console.");
        }

        // Checked here, when the key is made: the HTTP layer would refuse it only when sending, as a network error.
        var unsendable = trimmed.FirstOrDefault(c => c > '~');
        if (unsendable != default)
        {
            throw new ArgumentException(
                $"The API key contains {HeaderValue.Describe(unsendable)}, which cannot be sent in an HTTP header; CometAPI keys are plain ASCII. " +
                "Copy it again from the CometAPI console (a word processor may have replaced a character).");
        }

        return new ApiKey(trimmed);
    }

    public static ApiKey FromSecureString(SecureString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
        try
        {
            return FromString(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    internal string Reveal() => secret;

    /// <summary>
    /// Replaces the secret in <paramref name="text"/> with <c>****</c>, also where it appears percent-encoded. A key
    /// of at least <see cref="UnambiguousLength"/> characters goes wherever it appears, even inside a longer word; a
    /// shorter one only where it stands alone, so that "k" cannot turn "key" into "****ey" (garbling the text and
    /// showing where the key's letters are). Letter case is ignored: a server that echoes the key upper- or lower-cased
    /// still reveals it.
    /// </summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redacted = RedactForm(text, secret);
        var encoded = Uri.EscapeDataString(secret);
        return encoded == secret ? redacted : RedactForm(redacted, encoded);
    }

    /// <summary>Whether <paramref name="other"/> holds the same secret (compared in constant time).</summary>
    internal bool Matches(ApiKey other) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(other.secret));

    private static string RedactForm(string text, string form)
    {
        if (form.Length >= UnambiguousLength)
        {
            return text.Replace(form, "****", StringComparison.OrdinalIgnoreCase);
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + form.Length;
            if (at >= from && !IsKeyCharacter(text, at - 1) && !IsKeyCharacter(text, end))
            {
                result.Append(text, from, at - from).Append("****");
                from = end;
            }
        }

        return from == 0 ? text : result.Append(text, from, text.Length - from).ToString();
    }

    private static bool IsKeyCharacter(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] is '-' or '_');

    public override string ToString() => "ApiKey(****)";
}
