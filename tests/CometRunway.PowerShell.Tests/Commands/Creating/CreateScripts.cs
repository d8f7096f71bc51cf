using System.Text.Json;
using CometRunway.Emulator;
using CometRunway.Emulator.Creating;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>What the create tests share: the connection, fast emulated tasks, media files, and the bodies the emulator received.</summary>
internal static class CreateScripts
{
    public const string Connection = "-ApiKey $Key -BaseUri $Base";

    public const string Image = "https://assets.example.com/cat.png";

    public const string Video = "https://assets.example.com/clip.mp4";

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static readonly byte[] Mp4Signature = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];

    /// <summary>A fresh emulator state whose created tasks show after half a second and succeed a second later.</summary>
    public static CometApiEmulator Quick(EmulatorHostFixture fixture)
    {
        fixture.Emulator.Reset();
        fixture.Emulator.CreateSettings = fixture.Emulator.CreateSettings with { VisibleAfter = TimeSpan.FromSeconds(0.5), RunsFor = TimeSpan.FromSeconds(1) };
        return fixture.Emulator;
    }

    /// <summary>The JSON body of a created task.</summary>
    public static JsonElement Body(CreatedTaskRecord created) => JsonDocument.Parse(created.Body).RootElement.Clone();

    /// <summary>A file of <paramref name="length"/> bytes that starts with <paramref name="signature"/>.</summary>
    public static string MediaFile(string folder, string name, byte[] signature, int length = 64)
    {
        var bytes = new byte[Math.Max(length, signature.Length)];
        signature.CopyTo(bytes, 0);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The error ids of a result, in order.</summary>
    public static IEnumerable<string> ErrorIds(HostResult result) => result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]);
}
