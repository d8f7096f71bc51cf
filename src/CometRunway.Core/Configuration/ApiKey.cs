using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security;

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
