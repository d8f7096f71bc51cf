namespace CometRunway.Core.Creating;

/// <summary>The media types Runway takes as input, told from a file's first bytes (never from its name alone).</summary>
internal static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="MediaTypeOf"/> looks at.</summary>
    public const int HeadLength = 16;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];

    public const string Accepted = "PNG, JPEG or WebP images and MP4, MOV or WebM videos";

    /// <summary>image/png, image/jpeg, image/webp, video/mp4, video/quicktime or video/webm; null for anything else.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        }

        return head.StartsWith(Ebml) ? "video/webm" : null;
    }

    public static bool IsAccepted(string mediaType) => KindOf(mediaType) != MediaKind.None
        && mediaType.ToLowerInvariant() is "image/png" or "image/jpeg" or "image/webp" or "video/mp4" or "video/quicktime" or "video/webm";

    public static MediaKind KindOf(string mediaType) =>
        mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Image
        : mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? MediaKind.Video
        : MediaKind.None;
}
