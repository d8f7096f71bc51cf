using System.Net.Http.Headers;

namespace CometRunway.Core.Downloading;

/// <summary>The file extension for a response whose URL did not have one.</summary>
internal static class ContentTypeExtensions
{
    public const string Unknown = "bin";

    private static readonly Dictionary<string, string> ByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = "mp4",
        ["video/webm"] = "webm",
        ["video/quicktime"] = "mov",
        ["video/x-matroska"] = "mkv",
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/webp"] = "webp",
        ["image/gif"] = "gif",
        ["image/avif"] = "avif",
        ["audio/mpeg"] = "mp3",
        ["audio/wav"] = "wav",
        ["application/json"] = "json",
        ["text/plain"] = "txt",
    };

    public static string For(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } mediaType && ByMediaType.TryGetValue(mediaType, out var extension) ? extension : Unknown;
}
