using System.Globalization;
using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>
/// Issue 10.9: a partial file left by a run that was killed is resumed by the next run when its recorded
/// validator still matches, restarted when it does not, and removed when stale; none ever piles up.
/// A killed run is simulated by writing what it leaves: <c>name.partial</c> and <c>name.partial.resume</c>.
/// </summary>
public sealed class RunwayDownloaderLeftoverTests : FileHostTestBase
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task APartialLeftByAKilledRunIsResumedWhenItsValidatorStillMatches()
    {
        var file = HostedFile.Generated(3 * MiB, seed: 41);
        var planned = Plan(Host.Add("/resume.mp4", file));
        WriteLeftover(planned.FinalPath!, file.ToArray()[..MiB], Record(file.Length, file.ETag, file.LastModified));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        var request = Assert.Single(Host.Requests);
        Assert.Equal($"bytes={MiB}-", request.Range);
        Assert.Equal(file.ETag, request.IfRange);
        Assert.Equal(file.Length, Events.Of<DownloadStarted>().Single().TotalBytes);
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task ALeftoverWhoseFileChangedSinceIsRestartedFromTheStart()
    {
        var file = HostedFile.Generated(2 * MiB, seed: 42);
        var planned = Plan(Host.Add("/changed.mp4", file));
        WriteLeftover(planned.FinalPath!, HostedFile.Generated(MiB, seed: 99).ToArray(), Record(2 * MiB, "\"an-older-version\"", null));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        // If-Range carried the recorded ETag; the host saw it no longer matches and sent the whole file.
        var request = Assert.Single(Host.Requests);
        Assert.Equal("\"an-older-version\"", request.IfRange);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task ALeftoverResumedFromAHostIgnoringIfRangeIsStartedOverWhenTheFileChanged()
    {
        var file = HostedFile.Generated(2 * MiB, seed: 49) with { IgnoreIfRange = true };
        var planned = Plan(Host.Add("/killed-then-changed.mp4", file));
        WriteLeftover(planned.FinalPath!, HostedFile.Generated(MiB, seed: 96).ToArray(), Record(2 * MiB, "\"an-older-version\"", null));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal($"bytes={MiB}-", Host.Requests[0].Range);
        Assert.Null(Host.Requests[^1].Range);
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task AWholeLeftoverOfAnOlderVersionIsNotMovedIntoPlaceWhenTheHostIgnoresIfRange()
    {
        // The host answers 416 (nothing after byte 200,000) for a file of the same length but another ETag:
        // the bytes here are the old version, so they are dropped and the new one downloaded.
        var file = HostedFile.Generated(200_000, seed: 50) with { IgnoreIfRange = true };
        var planned = Plan(Host.Add("/whole-but-old.mp4", file));
        WriteLeftover(planned.FinalPath!, HostedFile.Generated(200_000, seed: 95).ToArray(), Record(file.Length, "\"an-older-version\"", null));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal("bytes=200000-", Host.Requests[0].Range);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task ALeftoverWithoutARecordIsStartedOver()
    {
        var file = HostedFile.Generated(MiB, seed: 43);
        var planned = Plan(Host.Add("/norecord.mp4", file));
        WriteLeftover(planned.FinalPath!, HostedFile.Generated(MiB / 2, seed: 98).ToArray(), record: null);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Null(Assert.Single(Host.Requests).Range);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task AWholeFileLeftJustBeforeItsMoveIsMovedIntoPlace()
    {
        var file = HostedFile.Generated(200_000, seed: 44);
        var planned = Plan(Host.Add("/whole.mp4", file));
        WriteLeftover(planned.FinalPath!, file.ToArray(), Record(file.Length, file.ETag, file.LastModified));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal("bytes=200000-", Assert.Single(Host.Requests).Range);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task StaleLeftoversOfTheTargetAreRemovedAndEverythingElseIsKept()
    {
        var file = HostedFile.Generated(100_000, seed: 45);
        var planned = Plan(Host.Add("/stale.mp4", file));
        var finalPath = planned.FinalPath!;
        var twoDaysAgo = DateTime.UtcNow.AddDays(-2);
        WriteLeftover(finalPath, file.ToArray()[..50_000], Record(file.Length, file.ETag, file.LastModified), twoDaysAgo);
        var oneOff = WriteFile(finalPath + ".1a2b3c4d.partial", twoDaysAgo);
        var otherRunsFresh = WriteFile(finalPath + ".99999999.partial", DateTime.UtcNow);
        var otherTarget = WriteFile(Directory.Combine("other.mp4.partial"), twoDaysAgo);

        DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Null(Assert.Single(Host.Requests).Range);
        Assert.False(File.Exists(oneOff));
        Assert.True(File.Exists(otherRunsFresh));
        Assert.True(File.Exists(otherTarget));
        Assert.Equal(
            new[] { Path.GetFileName(finalPath), Path.GetFileName(otherRunsFresh), "other.mp4.partial" }.Order(StringComparer.Ordinal),
            Directory.Files());
    }

    [Fact]
    public async Task WhenTheExtensionComesFromTheAnswerALeftoverIsStartedOverAndStaleOnesGo()
    {
        var file = HostedFile.Generated(100_000, seed: 48, contentType: "video/mp4");
        var planned = Plan(Host.Add("/noext", file));
        var finalPath = Directory.Combine(planned.Stem + ".mp4");
        WriteLeftover(finalPath, HostedFile.Generated(50_000, seed: 97).ToArray(), Record(file.Length, file.ETag, file.LastModified));
        var stale = WriteFile(finalPath + ".0badc0de.partial", DateTime.UtcNow.AddDays(-2));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        // The final name was only known from the first answer, a full one: the leftover could not be resumed by it.
        Assert.Equal(finalPath, completed.Path);
        Assert.Null(Assert.Single(Host.Requests).Range);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.False(File.Exists(stale));
        Assert.Equal([Path.GetFileName(finalPath)], Directory.Files());
    }

    [Fact]
    public async Task APartialAnotherRunHoldsIsLeftAloneAndThisRunUsesItsOwn()
    {
        var file = HostedFile.Generated(MiB, seed: 46);
        var planned = Plan(Host.Add("/held.mp4", file));
        var held = planned.FinalPath! + ".partial";
        await File.WriteAllBytesAsync(held, [1, 2, 3]);
        using (var otherRun = new FileStream(held, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

            Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
            Assert.Equal(3, otherRun.Length);
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(held));
    }

    [Fact]
    public async Task ARunningTransferRecordsItsValidatorBesideThePartialAndCleansUpWhenCancelled()
    {
        var file = HostedFile.Generated(MiB, seed: 47);
        var planned = Plan(Host.Add("/recorded.mp4", file with { StallAfterBytes = 100_000 }));
        var recordPath = planned.FinalPath! + ".partial.resume";
        using var cancellation = new CancellationTokenSource();

        var download = DownloadAsync(planned, cancellationToken: cancellation.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(recordPath) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var record = RemoteFile.Parse(await File.ReadAllTextAsync(recordPath));
        cancellation.Cancel();
        DownloadTestKit.AssertFinished<DownloadFailed>(await download);

        Assert.NotNull(record);
        Assert.Equal(file.Length, record.Length);
        Assert.Equal(file.ETag, record.ETag?.ToString());
        Assert.Equal(file.LastModified, record.LastModified);
        Assert.Empty(Directory.Files());
    }

    [Theory]
    [InlineData("")]
    [InlineData("length: 12\n")]
    [InlineData("etag: \"x\"\n")]
    [InlineData("length: -1\netag: \"x\"\n")]
    [InlineData("length: 12\netag: W/\"weak\"\n")]
    [InlineData("length: 12\nlast-modified: yesterday\n")]
    public void ARecordWithoutALengthAndAStrongValidatorIsNotUsed(string text) => Assert.Null(RemoteFile.Parse(text));

    [Fact]
    public void ARecordReadsBackWhatWasWritten()
    {
        var file = new RemoteFile(42, new System.Net.Http.Headers.EntityTagHeaderValue("\"e1\""), new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.Equal(file, RemoteFile.Parse(file.ToText()));
    }

    private static string Record(long length, string? etag, DateTimeOffset? lastModified) =>
        string.Create(CultureInfo.InvariantCulture, $"length: {length}\netag: {etag}\nlast-modified: {lastModified?.ToString("r", CultureInfo.InvariantCulture)}\n");

    private static void WriteLeftover(string finalPath, byte[] bytes, string? record, DateTime? lastWrite = null)
    {
        File.WriteAllBytes(finalPath + ".partial", bytes);
        if (record is not null)
        {
            File.WriteAllText(finalPath + ".partial.resume", record);
        }

        if (lastWrite is { } time)
        {
            File.SetLastWriteTimeUtc(finalPath + ".partial", time);
            if (record is not null)
            {
                File.SetLastWriteTimeUtc(finalPath + ".partial.resume", time);
            }
        }
    }

    private static string WriteFile(string path, DateTime lastWrite)
    {
        File.WriteAllBytes(path, [7]);
        File.SetLastWriteTimeUtc(path, lastWrite);
        return path;
    }
}
