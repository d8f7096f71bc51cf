using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace CometRunway.Emulator.Routes;

/// <summary>
/// <c>GET /files/{name}</c>: deterministic bytes per name, so the demo and tests can download real files.
/// Range, If-Range, ETag and HEAD come from ASP.NET Core's file result.
/// </summary>
internal static class GeneratedFiles
{
    public const string Prefix = "/files/";

    private static readonly byte[] Mp4Header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
    private static readonly byte[] PngHeader = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void MapGeneratedFiles(this IEndpointRouteBuilder routes, EmulatorState state) =>
        routes.MapMethods(Prefix + "{name}", [HttpMethods.Get, HttpMethods.Head], (string name) =>
        {
            var content = Content(name, state.Options.FileSize);
            return Results.Bytes(content, ContentTypeOf(name), enableRangeProcessing: true, entityTag: ETagOf(content));
        });

    /// <summary>The bytes served for <paramref name="name"/>: a format signature, then a seeded pseudo-random fill.</summary>
    public static byte[] Content(string name, int size)
    {
        var content = new byte[Math.Max(size, 16)];
        var seed = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var state = seed | 1;
        for (var i = 0; i < content.Length; i += 8)
        {
            // xorshift64: fast and the same on every run.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var chunk = BitConverter.GetBytes(state);
            Array.Copy(chunk, 0, content, i, Math.Min(8, content.Length - i));
        }

        var header = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".mp4" => Mp4Header,
            ".png" => PngHeader,
            _ => [],
        };
        header.CopyTo(content, 0);
        return content;
    }

    public static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".webm" => "video/webm",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "application/octet-stream",
    };

    private static EntityTagHeaderValue ETagOf(byte[] content) =>
        new('"' + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8)) + '"');
}
