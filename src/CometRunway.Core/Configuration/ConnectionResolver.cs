using System.Net;
using CometRunway.Core.Http;

namespace CometRunway.Core.Configuration;

/// <summary>
/// Decides which key and base address a command uses: explicit parameters, then the runspace's
/// <c>Connect-CometApi</c> session, then the environment, then the public default address.
/// </summary>
internal static class ConnectionResolver
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

    /// <summary>
    /// Where a task that says where it came from (<see cref="Tasks.RunwayTask.BaseUri"/>) is read, with the key
    /// <paramref name="resolved"/> holds. The key goes to the task's address only when that address has the origin
    /// (scheme, host, port) the key was resolved for, or <paramref name="keyUsedWith"/> says this session has already
    /// used the key with its origin; otherwise nothing is sent and the error says how to allow it.
    /// </summary>
    /// <param name="resolved">The connection of the command: -BaseUri, the Connect-CometApi session, COMETAPI_BASE_URL or the default.</param>
    /// <param name="taskBaseUri">The task's own base address, as the task (or a hand-made object) carries it.</param>
    /// <param name="taskId">Names the task in the error.</param>
    /// <param name="keyUsedWith">Whether the session has used this key with the origin of the address given.</param>
    /// <exception cref="CometApiConfigurationException">
    /// <see cref="ConfigurationErrorKind.BaseUriInvalid"/>: not an absolute http(s) base address;
    /// <see cref="ConfigurationErrorKind.TaskBaseUriNotTrusted"/>: the key may not go there.
    /// </exception>
    public static CometApiConnection ForTask(CometApiConnection resolved, Uri taskBaseUri, string taskId, Func<Uri, bool> keyUsedWith)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(taskBaseUri);
        ArgumentNullException.ThrowIfNull(keyUsedWith);

        // Plain http is not refused here: an address the key is trusted with passed that check when it was resolved.
        var address = ParseBaseUri(taskBaseUri.IsAbsoluteUri ? taskBaseUri.OriginalString : taskBaseUri.ToString(), allowUnencryptedAuthentication: true);
        if (address == resolved.BaseUri)
        {
            return resolved;
        }

        if (SameOrigin(address, resolved.BaseUri) || keyUsedWith(address))
        {
            return new CometApiConnection(address, resolved.ApiKey);
        }

        var origin = Origin(address);
        throw new CometApiConfigurationException(
            ConfigurationErrorKind.TaskBaseUriNotTrusted,
            $"Task '{taskId}' came from {origin}, but the API key of this command is for {Origin(resolved.BaseUri)} and has not been used with " +
            $"{origin} in this session, so nothing was sent there. If you trust {origin} with your key, read the task there with " +
            $"-BaseUri {address} (or Connect-CometApi -BaseUri {address}); to read it at {Origin(resolved.BaseUri)} instead, pass -BaseUri {resolved.BaseUri}.");
    }

    /// <summary>Scheme, host and port: what decides where a key may go.</summary>
    public static string Origin(Uri baseUri) => baseUri.GetLeftPart(UriPartial.Authority);

    private static bool SameOrigin(Uri a, Uri b) => string.Equals(Origin(a), Origin(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>Validates a base address and gives it a trailing slash so relative paths append to it.</summary>
    public static Uri ParseBaseUri(string text, bool allowUnencryptedAuthentication)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CometApiConfigurationException(
                ConfigurationErrorKind.BaseUriInvalid,
                $"The base address '{UrlDisplay.Describe(text)}' is not an absolute http:// or https:// URL, such as {CometApiConnection.DefaultBaseAddress}.");
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
