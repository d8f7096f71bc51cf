using System.Globalization;
using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>
/// Adversary F1: whoever can create files in the destination directory plants links where the downloader keeps its
/// temporary files. A link is never followed: the file it points at is unchanged, the link itself is left alone, and
/// the final path ends up a regular file with the downloaded bytes.
/// </summary>
public sealed class RunwayDownloaderHostileLeftoverTests : FileHostTestBase, IDisposable
{
    private const string Precious = "PRECIOUS DATA that must survive";
    private readonly TempDirectory elsewhere = new();

    /// <summary>Symbolic links need no privilege here; on Windows they do, so these tests only run on Unix.</summary>
    private static bool LinksCanBePlanted => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    private string Victim => elsewhere.Combine("important.txt");

    public void Dispose() => elsewhere.Dispose();

    [Fact]
    public async Task ALinkedPartialWithAValidRecordIsNotWrittenThroughAndNotResumed()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        var file = HostedFile.Generated(300_000, seed: 61);
        var planned = Plan(Host.Add("/sym.mp4", file));
        PlantLinkToVictim(planned.FinalPath! + ".partial");
        File.WriteAllText(planned.FinalPath! + ".partial.resume", Record(file.Length, file.ETag));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(Precious, File.ReadAllText(Victim));
        AssertRegularFileWith(file, completed.Path);
        Assert.Null(Assert.Single(Host.Requests).Range);
        Assert.Equal(Victim, new FileInfo(planned.FinalPath! + ".partial").LinkTarget);
        Assert.Contains(Events.Of<DownloadWarning>(), warning => warning.Message.Contains("link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALinkedPartialWithoutARecordIsLeftAloneAndTheVictimKeepsItsBytes()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        var file = HostedFile.Generated(300_000, seed: 62);
        var planned = Plan(Host.Add("/sym2.mp4", file));
        PlantLinkToVictim(planned.FinalPath! + ".partial");

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(Precious, File.ReadAllText(Victim));
        AssertRegularFileWith(file, completed.Path);
    }

    [Fact]
    public async Task ADanglingLinkedPartialDoesNotCreateTheFileItPointsAt()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        var file = HostedFile.Generated(100_000, seed: 63);
        var planned = Plan(Host.Add("/dangling.mp4", file));
        File.CreateSymbolicLink(planned.FinalPath! + ".partial", Victim);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.False(File.Exists(Victim));
        AssertRegularFileWith(file, completed.Path);
    }

    [Fact]
    public async Task ALinkedRecordIsNeitherReadNorWrittenThrough()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        var file = HostedFile.Generated(400_000, seed: 64);
        var planned = Plan(Host.Add("/record.mp4", file with { DropAfterBytes = 150_000 }));
        PlantLinkToVictim(planned.FinalPath! + ".partial.resume");

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        // The record was written (the drop was resumed with If-Range), but beside the link, never into its target.
        Assert.Equal(Precious, File.ReadAllText(Victim));
        Assert.Equal(file.ETag, Host.Requests[1].IfRange);
        AssertRegularFileWith(file, completed.Path);
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files().Where(name => !name.EndsWith(".resume", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ALinkedRecordIsNotReadSoARegularLeftoverIsNotResumedFromIt()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        // A valid record behind the link: were it read, the regular leftover beside it would be resumed (a Range request).
        var file = HostedFile.Generated(300_000, seed: 66);
        var planned = Plan(Host.Add("/record-read.mp4", file));
        var record = Record(file.Length, file.ETag);
        File.WriteAllText(Victim, record);
        File.CreateSymbolicLink(planned.FinalPath! + ".partial.resume", Victim);
        File.WriteAllBytes(planned.FinalPath! + ".partial", file.ToArray()[..100_000]);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Null(Host.Requests[0].Range);
        Assert.Equal(record, File.ReadAllText(Victim));
        AssertRegularFileWith(file, completed.Path);
    }

    [Fact]
    public async Task ALinkAtTheFinalPathReplacedWithForceBecomesARegularFileAndItsTargetIsKept()
    {
        if (!LinksCanBePlanted)
        {
            return;
        }

        var file = HostedFile.Generated(100_000, seed: 65);
        var planned = Plan(Host.Add("/final.mp4", file), force: true);
        PlantLinkToVictim(planned.FinalPath!);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(Precious, File.ReadAllText(Victim));
        AssertRegularFileWith(file, completed.Path);
    }

    /// <summary>A file outside the destination with bytes worth keeping, and a link to it at <paramref name="path"/>.</summary>
    private void PlantLinkToVictim(string path)
    {
        File.WriteAllText(Victim, Precious);
        File.CreateSymbolicLink(path, Victim);
    }

    private static void AssertRegularFileWith(HostedFile file, string path)
    {
        var saved = new FileInfo(path);
        Assert.Null(saved.LinkTarget);
        Assert.False(saved.Attributes.HasFlag(FileAttributes.ReparsePoint));
        Assert.Equal(file.Length, saved.Length);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(path));
    }

    private static string Record(long length, string? etag) =>
        string.Create(CultureInfo.InvariantCulture, $"length: {length}\netag: {etag}\nlast-modified: \n");
}
