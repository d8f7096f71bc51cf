using System.Net;
using System.Text.RegularExpressions;

namespace CometRunway.Emulator.Creating;

/// <summary>The kinds of media a field takes.</summary>
[Flags]
internal enum AssetKind
{
    Image = 1,
    Video = 2,
}

/// <summary>Runway's rules for an input asset (docs/design/create-routes.md, "Inputs"): an HTTPS URL on a domain name, or a base64 data URI.</summary>
internal static partial class AssetRules
{
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// The largest data URI, in characters (base64 included): 5 MB for images, 16 MB for videos. Runway writes "MB" without
    /// saying which; the decimal reading is the stricter one, so a client that passes here passes upstream too.
    /// </summary>
    public static int MaxDataUriLength(AssetKind kind) => kind.HasFlag(AssetKind.Video) ? 16_000_000 : 5_000_000;

    /// <summary>What is wrong with <paramref name="value"/> as an asset of <paramref name="kinds"/>, or null when it is usable.</summary>
    public static string? Problem(string value, AssetKind kinds)
    {
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return DataUriProblem(value, kinds);
        }

        if (value.Length > MaxUrlLength)
        {
            return $"The URL is {value.Length} characters long; at most {MaxUrlLength} are allowed.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return "Only HTTPS URLs are allowed.";
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(uri.Host, out _))
        {
            return "The URL must use a domain name, not an IP address.";
        }

        return null;
    }

    private static string? DataUriProblem(string value, AssetKind kinds)
    {
        var match = DataUriPrefix().Match(value);
        if (!match.Success)
        {
            return "Invalid data URI: expected data:<media type>;base64,<data>.";
        }

        var mediaType = match.Groups["type"].Value.ToLowerInvariant();
        var kind = mediaType.StartsWith("image/", StringComparison.Ordinal) ? AssetKind.Image
            : mediaType.StartsWith("video/", StringComparison.Ordinal) ? AssetKind.Video
            : (AssetKind)0;
        if ((kind & kinds) == 0)
        {
            return $"Invalid data URI: the media type '{mediaType}' is not {Expected(kinds)}.";
        }

        if (value.Length > MaxDataUriLength(kind))
        {
            return $"The data URI is {value.Length} characters long; at most {MaxDataUriLength(kind)} are allowed for {Expected(kind)}.";
        }

        var payload = value.AsSpan(match.Length);
        var buffer = new byte[payload.Length];
        return Convert.TryFromBase64Chars(payload, buffer, out var decoded) && decoded > 0
            ? null
            : "Invalid data URI: the data is not valid base64.";
    }

    private static string Expected(AssetKind kinds) => kinds switch
    {
        AssetKind.Image => "an image",
        AssetKind.Video => "a video",
        _ => "an image or a video",
    };

    [GeneratedRegex(@"\Adata:(?<type>[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+)(;[a-zA-Z0-9=.+-]+)*;base64,", RegexOptions.CultureInvariant)]
    private static partial Regex DataUriPrefix();
}
