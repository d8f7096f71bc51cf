using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CometRunway.Core.Creating;

/// <summary>
/// An image or video for a create request: an HTTPS URL (or a data URI) sent as given, or a local file sent as a
/// <c>data:</c> URI with its media type. Everything is checked when the input is made, before anything is sent: the URL
/// rules of Runway (https, a domain name, no user info, at most 2048 characters), the media type (from the file's
/// content), and the data URI size limits (5 MB for images, 16 MB for videos, counted after base64).
/// A file is read only when the request body is written.
/// </summary>
public sealed partial class MediaInput
{
    public const int MaxUrlLength = 2048;

    /// <summary>Runway's data URI limits, in characters of the whole URI. "MB" read as 10^6: the stricter reading.</summary>
    public const int MaxImageDataUriLength = 5_000_000;

    public const int MaxVideoDataUriLength = 16_000_000;

    private MediaInput(string? uri, string? filePath, string? mediaType, long dataUriLength)
    {
        Uri = uri;
        FilePath = filePath;
        MediaType = mediaType;
        Kind = mediaType is null ? MediaKind.None : MediaSniffer.KindOf(mediaType);
        DataUriLength = dataUriLength;
    }

    /// <summary>The URL or data URI as given; null for a file.</summary>
    public string? Uri { get; }

    /// <summary>The full path of a local file; null for a URL.</summary>
    public string? FilePath { get; }

    /// <summary>From the data URI or the file's content; null for a URL (only the server sees what it holds).</summary>
    public string? MediaType { get; }

    /// <summary><see cref="MediaKind.None"/> for a URL.</summary>
    public MediaKind Kind { get; }

    /// <summary>The length of the data URI that is sent, for a file or a data URI; 0 for a URL.</summary>
    public long DataUriLength { get; }

    /// <summary>How the input shows in <c>-WhatIf</c> and messages: URLs as given, data URIs abbreviated.</summary>
    public string DisplayValue => FilePath is not null
        ? $"data:{MediaType};base64,… ({DataUriLength.ToString("N0", CultureInfo.InvariantCulture)} characters from '{FilePath}')"
        : DataUriLength > 0
            ? $"{Uri![..Uri!.IndexOf(',')]},… ({DataUriLength.ToString("N0", CultureInfo.InvariantCulture)} characters)"
            : Uri!;

    /// <summary>Whether <paramref name="value"/> is meant as a URL (it has a scheme such as <c>https:</c> or <c>data:</c>) rather than a file path.</summary>
    public static bool LooksLikeUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return UrlScheme().IsMatch(value.TrimStart());
    }

    /// <summary>
    /// A URL (see <see cref="FromUrl"/>) when <paramref name="value"/> looks like one, otherwise a file (see <see cref="FromFile"/>);
    /// errors name <paramref name="parameterName"/>, e.g. <c>PromptImage</c>.
    /// </summary>
    public static MediaInput Parse(string value, string? parameterName = null) =>
        LooksLikeUrl(value) ? FromUrl(value, parameterName) : FromFile(value, parameterName);

    /// <summary>An HTTPS URL, or a <c>data:&lt;type&gt;;base64,…</c> URI of an accepted media type within its size limit.</summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest, saying what is wrong and what to do.</exception>
    public static MediaInput FromUrl(string url, string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var name = parameterName ?? "media";
        var text = url.Trim();
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return FromDataUri(text, name);
        }

        if (text.Length > MaxUrlLength)
        {
            throw Invalid(name, $"the URL is {text.Length} characters long; Runway takes at most {MaxUrlLength}.");
        }

        if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != System.Uri.UriSchemeHttps)
        {
            throw Invalid(name, $"'{Shorten(text)}' is not an HTTPS URL; Runway only fetches https:// addresses. Host the file on HTTPS, or give a local file path to send it inline.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw Invalid(name, $"the URL carries a user name or password ('{uri.GetLeftPart(UriPartial.Scheme)}…@{uri.Host}'); Runway fetches it without credentials, and they would be sent to the API. Use a public or signed URL.");
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(uri.Host, out _))
        {
            throw Invalid(name, $"the URL uses an IP address ('{uri.Host}'); Runway only fetches from domain names.");
        }

        return new MediaInput(text, null, null, 0);
    }

    /// <summary>A local PNG, JPEG, WebP, MP4, MOV or WebM file (told from its content), sent as a data URI.</summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest: missing, unreadable, not an accepted type, or too large.</exception>
    public static MediaInput FromFile(string path, string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = parameterName ?? "media";
        string fullPath;
        var head = new byte[MediaSniffer.HeadLength];
        int headLength;
        long length;
        try
        {
            fullPath = Path.GetFullPath(path);
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            length = stream.Length;
            headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RunwayCreateException(CreateErrorKind.InvalidRequest, $"{name}: cannot read the file '{path}': {e.Message}", e) { ParameterName = name };
        }

        if (length == 0)
        {
            throw Invalid(name, $"the file '{fullPath}' is empty.");
        }

        var mediaType = MediaSniffer.MediaTypeOf(head.AsSpan(0, headLength))
            ?? throw Invalid(name, $"the file '{fullPath}' is not one of the types Runway takes ({MediaSniffer.Accepted}), judging by its content.");
        var dataUriLength = DataUriLengthOf(mediaType, length);
        var limit = LimitFor(MediaSniffer.KindOf(mediaType));
        if (dataUriLength > limit)
        {
            throw Invalid(name, $"the file '{fullPath}' is {Megabytes(length)}; sent inline as a data URI it would be {Megabytes(dataUriLength)}, over Runway's {Megabytes(limit)} limit for {KindWord(mediaType)}s. Host it at an HTTPS URL instead (URLs may be larger).");
        }

        return new MediaInput(null, fullPath, mediaType, dataUriLength);
    }

    /// <summary>What the request body carries: the URL, or the file as a data URI (read now).</summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest: the file went away or changed size since it was checked.</exception>
    internal string WireValue(string parameterName)
    {
        if (FilePath is null)
        {
            return Uri!;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunwayCreateException(CreateErrorKind.InvalidRequest, $"{parameterName}: cannot read the file '{FilePath}': {e.Message}", e) { ParameterName = parameterName };
        }

        if (DataUriLengthOf(MediaType!, bytes.LongLength) != DataUriLength)
        {
            throw Invalid(parameterName, $"the file '{FilePath}' changed size after it was checked; nothing was sent.");
        }

        return $"data:{MediaType};base64,{Convert.ToBase64String(bytes)}";
    }

    public override string ToString() => DisplayValue;

    private static MediaInput FromDataUri(string text, string name)
    {
        var match = DataUriPrefix().Match(text);
        if (!match.Success)
        {
            throw Invalid(name, $"'{Shorten(text)}' is not a base64 data URI; write data:<media type>;base64,<data>.");
        }

        var mediaType = match.Groups["type"].Value.ToLowerInvariant();
        if (!MediaSniffer.IsAccepted(mediaType))
        {
            throw Invalid(name, $"the data URI's media type '{mediaType}' is not one Runway takes ({MediaSniffer.Accepted}).");
        }

        var limit = LimitFor(MediaSniffer.KindOf(mediaType));
        if (text.Length > limit)
        {
            throw Invalid(name, $"the data URI is {Megabytes(text.Length)}, over Runway's {Megabytes(limit)} limit for {KindWord(mediaType)}s. Host the file at an HTTPS URL instead.");
        }

        var payload = text.AsSpan(match.Length);
        if (payload.Length == 0 || payload.Length % 4 != 0 || payload.ContainsAnyExcept(Base64Chars))
        {
            throw Invalid(name, "the data URI's data is not valid base64.");
        }

        return new MediaInput(text, null, mediaType, text.Length);
    }

    private static long DataUriLengthOf(string mediaType, long bytes) => "data:".Length + mediaType.Length + ";base64,".Length + ((bytes + 2) / 3 * 4);

    private static int LimitFor(MediaKind kind) => kind == MediaKind.Video ? MaxVideoDataUriLength : MaxImageDataUriLength;

    private static string KindWord(string mediaType) => MediaSniffer.KindOf(mediaType) == MediaKind.Video ? "video" : "image";

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0#", CultureInfo.InvariantCulture) + " MB";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private static RunwayCreateException Invalid(string name, string problem) => RunwayCreateException.Invalid(name, $"{name}: {problem}");

    private static readonly System.Buffers.SearchValues<char> Base64Chars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9+.\-]+:", RegexOptions.CultureInvariant)]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"\Adata:(?<type>[a-zA-Z0-9.+\-]+/[a-zA-Z0-9.+\-]+)(;[a-zA-Z0-9=.+\-]+)*;base64,", RegexOptions.CultureInvariant)]
    private static partial Regex DataUriPrefix();
}
