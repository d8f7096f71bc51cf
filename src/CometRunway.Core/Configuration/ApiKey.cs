using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;
using CometRunway.Core.Http;

namespace CometRunway.Core.Configuration;

/// <summary>
/// A CometAPI key. It prints as a mask everywhere; only the HTTP layer reads the secret, to build the
/// <c>Authorization</c> header of a request to the API's own host.
/// </summary>
[DebuggerDisplay("ApiKey(****)")]
public sealed class ApiKey
{
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

    /// <summary>Removes every occurrence of the secret from <paramref name="text"/>.</summary>
    public string Redact(string text) =>
        string.IsNullOrEmpty(text) ? text : text.Replace(secret, "****", StringComparison.Ordinal);

    public override string ToString() => "ApiKey(****)";
}
