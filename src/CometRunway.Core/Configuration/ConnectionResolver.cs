using System.Net;

namespace CometRunway.Core.Configuration;

/// <summary>
/// Decides which key and base address a command uses: explicit parameters, then the runspace's
/// <c>Connect-CometApi</c> session, then the environment, then the public default address.
/// </summary>
public static class ConnectionResolver
{
    public const string ApiKeyVariable = "COMETAPI_KEY";
    public const string BaseUrlVariable = "COMETAPI_BASE_URL";

    private const string MissingKeyMessage =
        "No CometAPI key was found. Provide one in any of these ways: pass -ApiKey (a SecureString, for example " +
        "from Get-Secret or Read-Host -AsSecureString); run Connect-CometApi once in this session; or set the " +
        "COMETAPI_KEY environment variable.";

    /// <exception cref="CometApiConfigurationException">No key anywhere, an unusable key in the environment, or an unusable base address.</exception>
    public static CometApiConnection Resolve(
        ApiKey? explicitKey,
        string? explicitBaseUri,
        CometApiSession? session,
        Func<string, string?> readEnvironment,
        bool allowUnencryptedAuthentication)
    {
        ArgumentNullException.ThrowIfNull(readEnvironment);
        var key = explicitKey ?? session?.ApiKey ?? KeyFromEnvironment(readEnvironment)
            ?? throw new CometApiConfigurationException(ConfigurationErrorKind.KeyMissing, MissingKeyMessage);

        var fromSession = NonEmpty(explicitBaseUri) is null && session?.BaseUri is not null;
        var baseText = NonEmpty(explicitBaseUri) ?? session?.BaseUri?.ToString()
            ?? NonEmpty(readEnvironment(BaseUrlVariable)) ?? CometApiConnection.DefaultBaseAddress;

        // Connect-CometApi's permission for plain http covers the address it was given, never another one.
        var allowUnencrypted = allowUnencryptedAuthentication || (fromSession && session!.AllowUnencryptedAuthentication);
        return new CometApiConnection(ParseBaseUri(baseText, allowUnencrypted), key);
    }

    /// <summary>Validates a base address and gives it a trailing slash so relative paths append to it.</summary>
    public static Uri ParseBaseUri(string text, bool allowUnencryptedAuthentication)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CometApiConfigurationException(
                ConfigurationErrorKind.BaseUriInvalid,
                $"The base address '{text}' is not an absolute http:// or https:// URL, such as {CometApiConnection.DefaultBaseAddress}.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new CometApiConfigurationException(
                ConfigurationErrorKind.BaseUriInvalid,
                "The base address must not contain user information, a query or a fragment; give only scheme, host, port and an optional path prefix.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowUnencryptedAuthentication && !IsLoopback(uri))
        {
            throw new CometApiConfigurationException(
                ConfigurationErrorKind.BaseUriInvalid,
                $"The base address '{uri.GetLeftPart(UriPartial.Authority)}' is unencrypted http://, which would send the API key in clear text. " +
                "Use https://, or pass -AllowUnencryptedAuthentication if you really mean it.");
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static ApiKey? KeyFromEnvironment(Func<string, string?> readEnvironment)
    {
        var value = NonEmpty(readEnvironment(ApiKeyVariable));
        if (value is null)
        {
            return null;
        }

        try
        {
            return ApiKey.FromString(value);
        }
        catch (ArgumentException e)
        {
            throw new CometApiConfigurationException(ConfigurationErrorKind.KeyInvalid, $"The {ApiKeyVariable} environment variable does not hold a usable key: {e.Message}");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
