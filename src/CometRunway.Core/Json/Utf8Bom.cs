namespace CometRunway.Core.Json;

internal static class Utf8Bom
{
    private static ReadOnlySpan<byte> Bytes => [0xEF, 0xBB, 0xBF];

    public static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> body) =>
        body.StartsWith(Bytes) ? body[Bytes.Length..] : body;
}
