namespace CometRunway.Core.Tests.Creating;

/// <summary>Small media files with real signatures in a temporary folder, deleted on dispose.</summary>
internal sealed class TempMedia : IDisposable
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF, 0xE0];
    public static readonly byte[] Mp4Signature = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
    public static readonly byte[] MovSignature = [0, 0, 0, 0x14, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'q', (byte)'t', (byte)' ', (byte)' '];
    public static readonly byte[] WebmSignature = [0x1A, 0x45, 0xDF, 0xA3];
    public static readonly byte[] WebpSignature = [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P'];
    public static readonly byte[] GifSignature = "GIF89a"u8.ToArray();

    public string Folder { get; } = Directory.CreateTempSubdirectory("cometrunway-create-").FullName;

    /// <summary>A file of <paramref name="length"/> bytes starting with <paramref name="signature"/>, then a fixed pattern.</summary>
    public string File(string name, byte[] signature, int length = 64)
    {
        var bytes = new byte[Math.Max(length, signature.Length)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        signature.CopyTo(bytes, 0);
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
