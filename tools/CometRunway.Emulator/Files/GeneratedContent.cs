using System.Security.Cryptography;

namespace CometRunway.Emulator.Files;

/// <summary>
/// Deterministic pseudo-random bytes of any length, computed from (seed, position): a file of gigabytes can be
/// served and verified without ever being held in memory.
/// </summary>
public static class GeneratedContent
{
    /// <summary>Writes the bytes at <paramref name="offset"/> onwards into <paramref name="destination"/>.</summary>
    public static void Fill(int seed, long offset, Span<byte> destination)
    {
        var position = offset;
        var index = 0;
        while (index < destination.Length)
        {
            var block = Mix((ulong)seed, (ulong)(position >> 3));
            var shift = (int)(position & 7);
            var take = Math.Min(8 - shift, destination.Length - index);
            for (var i = 0; i < take; i++)
            {
                destination[index + i] = (byte)(block >> ((shift + i) * 8));
            }

            index += take;
            position += take;
        }
    }

    public static byte[] Bytes(int seed, long length)
    {
        var bytes = new byte[length];
        Fill(seed, 0, bytes);
        return bytes;
    }

    /// <summary>The SHA-256 of the whole content, computed in small pieces.</summary>
    public static string Sha256Hex(int seed, long length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        for (long offset = 0; offset < length; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, length - offset);
            Fill(seed, offset, buffer.AsSpan(0, count));
            hash.AppendData(buffer, 0, count);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static ulong Mix(ulong seed, ulong block)
    {
        // SplitMix64 of the block number, keyed by the seed.
        var z = block + (seed * 0x9E3779B97F4A7C15UL) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
