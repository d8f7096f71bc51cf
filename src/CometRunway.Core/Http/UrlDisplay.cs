namespace CometRunway.Core.Http;

/// <summary>URLs as they may be shown or sent: never with the user information (<c>user:password@</c>) a URL can carry.</summary>
internal static class UrlDisplay
{
    /// <summary>The URL without user information; the same instance when it has none.</summary>
    public static Uri WithoutUserInfo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !url.IsAbsoluteUri || url.UserInfo.Length == 0
            ? url
            : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    /// <summary>
    /// For messages: an http(s) URL as scheme, host, port and path, without user information, query or fragment
    /// (signed links carry tokens there); anything else as written, but without user information.
    /// </summary>
    public static string Describe(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? WithoutUserInfo(url).GetLeftPart(UriPartial.Path)
            : Redact(url.OriginalString);
    }

    /// <summary>For messages: URL text as typed, which may not even parse, without user information and at most 300 characters.</summary>
    public static string Describe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) ? Describe(url) : Redact(text);
        return shown.Length <= 300 ? shown : shown[..300] + "…";
    }

    /// <summary>Cuts <c>user:password@</c> out of URL text (<c>user:pw@host/x</c> parses with "user" as its scheme).</summary>
    private static string Redact(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        while (start < text.Length && text[start] == '/')
        {
            start++; // "//user:pw@host/x", a link without its scheme
        }

        var at = text.IndexOf('@', start);
        var end = text.IndexOfAny(['/', '?', '#'], start);
        return at >= 0 && (end < 0 || at < end) ? text[..start] + text[(at + 1)..] : text;
    }
}
