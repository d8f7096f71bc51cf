using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Nothing partial or clobbered at a final path: cancellation, existing files, unwritable places, hostile names.</summary>
public sealed class RunwayDownloaderSafetyTests : FileHostTestBase
{
    [Fact]
    public async Task CancellationStopsQuicklyAndLeavesNothing()
    {
        var url = Host.Add("/slow.mp4", HostedFile.Generated(2_000_000, seed: 31) with { BytesPerSecond = 100_000 });
        using var cancellation = new CancellationTokenSource();
        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions);
        var started = new TaskCompletionSource();

        var download = downloader.DownloadAsync(Plan(url), e =>
        {
            Events.Sink(e);
            if (e is DownloadProgress)
            {
                started.TrySetResult();
            }
        }, cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(Directory.Files(), name => name.EndsWith(".partial", StringComparison.Ordinal));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancellation.Cancel();
        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await download);

        Assert.Equal(DownloadErrorKind.Cancelled, failed.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task CancellingABatchThrowsAfterCleaningUpEveryFile()
    {
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });
        var planned = Enumerable.Range(0, 6)
            .Select(i => planner.Plan(new DownloadRequest { Url = Host.Add($"/b{i}.mp4", HostedFile.Generated(1_000_000, i) with { BytesPerSecond = 100_000 }) }))
            .ToList();
        using var cancellation = new CancellationTokenSource();
        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions with { ThrottleLimit = 3 });
        var progressed = 0;

        var batch = downloader.DownloadAllAsync(planned, e =>
        {
            if (e is DownloadProgress && Interlocked.Increment(ref progressed) == 3)
            {
                cancellation.Cancel();
            }

            Events.Sink(e);
        }, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch);
        Assert.Empty(Directory.Files());
        Assert.All(Events.Of<DownloadFailed>(), failed => Assert.Equal(DownloadErrorKind.Cancelled, failed.Kind));
        Assert.InRange(Events.Of<DownloadFailed>().Count, 1, 3);
    }

    [Fact]
    public async Task ExistingFileIsReplacedWithForce()
    {
        File.WriteAllText(Directory.Combine("task1.mp4"), "old content");
        var file = HostedFile.Generated(10_000, seed: 32);
        var url = Host.Add("/f.mp4", file);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url, force: true)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(["task1.mp4"], Directory.Files());
    }

    [Fact]
    public async Task FileThatAppearsDuringTheDownloadIsNotClobbered()
    {
        var url = Host.Add("/g.mp4", HostedFile.Generated(10_000, seed: 33));
        var planned = Plan(url);
        File.WriteAllText(planned.FinalPath!, "written by someone else meanwhile");

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(planned));

        Assert.Equal(DownloadErrorKind.ResourceExists, failed.Kind);
        Assert.Equal("written by someone else meanwhile", File.ReadAllText(planned.FinalPath!));
        Assert.Equal(["task1.mp4"], Directory.Files());
    }

    [Fact]
    public async Task IdenticalFileIsSkippedOnARerun()
    {
        var file = HostedFile.Generated(20_000, seed: 34);
        var url = Host.Add("/h.mp4", file);
        DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        var skipped = DownloadTestKit.AssertFinished<DownloadSkipped>(await DownloadAsync(Plan(url, skipIdentical: true)));

        Assert.Equal(Directory.Combine("task1.mp4"), skipped.Path);
        Assert.Contains("same length (20000 bytes) and modification time", skipped.Reason);
        Assert.Equal(["task1.mp4"], Directory.Files());
        Assert.Empty(Events.Of<DownloadStarted>().Skip(1));
    }

    [Fact]
    public async Task DifferentFileIsNotSkippedAndIsRefusedWithoutForce()
    {
        var url = Host.Add("/i.mp4", HostedFile.Generated(20_000, seed: 35));
        File.WriteAllBytes(Directory.Combine("task1.mp4"), new byte[20_000]);

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url, skipIdentical: true)));

        Assert.Equal(DownloadErrorKind.ResourceExists, failed.Kind);
        Assert.Equal(new byte[20_000], File.ReadAllBytes(Directory.Combine("task1.mp4")));
    }

    [Fact]
    public async Task DifferentFileIsReplacedWithSkipIdenticalAndForce()
    {
        var file = HostedFile.Generated(20_000, seed: 36);
        var url = Host.Add("/j.mp4", file);
        File.WriteAllBytes(Directory.Combine("task1.mp4"), new byte[5]);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url, force: true, skipIdentical: true)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
    }

    [Fact]
    public async Task MissingDestinationDirectoryIsCreated()
    {
        var url = Host.Add("/k.mp4", HostedFile.FromBytes([1, 2]));
        var planned = DownloadTestKit.PlanOne(Directory.Combine("new", "nested"), url, "t1");

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(Directory.Combine("new", "nested", "t1.mp4"), completed.Path);
    }

    [Fact]
    public async Task UnwritableDestinationIsANotWritableError()
    {
        // Tests may run as root, where permissions do not stop writes; a regular file in the way always does.
        var blocker = Directory.Combine("not-a-directory");
        File.WriteAllText(blocker, "x");
        var url = Host.Add("/l.mp4", HostedFile.FromBytes([1, 2]));
        var planned = DownloadTestKit.PlanOne(Path.Combine(blocker, "sub"), url, "t1");

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(planned));

        Assert.Equal(DownloadErrorKind.NotWritable, failed.Kind);
        Assert.Contains(Path.Combine(blocker, "sub"), failed.Message);
        Assert.Empty(Host.Requests);
    }

    [Fact]
    public async Task ReadOnlyDirectoryIsANotWritableErrorWhenPermissionsApply()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // Covered by UnwritableDestinationIsANotWritableError; root ignores mode bits.
        }

        var readOnly = Directory.Combine("ro");
        System.IO.Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var url = Host.Add("/m.mp4", HostedFile.FromBytes([1, 2]));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(DownloadTestKit.PlanOne(readOnly, url, "t1")));

        Assert.Equal(DownloadErrorKind.NotWritable, failed.Kind);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("/..%2F..%2Fescape.mp4")]
    [InlineData("/%2e%2e%2f%2e%2e%2fescape.mp4")]
    [InlineData("/a%5C..%5C..%5Cescape.mp4")]
    [InlineData("/CON.mp4")]
    [InlineData("/nul")]
    public async Task HostileNamesInUrlsStayInsideTheDirectory(string path)
    {
        var url = Host.Add(path, HostedFile.FromBytes([7, 7, 7], "video/mp4"));

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url, taskId: null)));

        Assert.Equal(Directory.Path, Path.GetDirectoryName(completed.Path));
        Assert.False(SafeFileName.IsReservedDeviceName(Path.GetFileName(completed.Path)));
        Assert.Single(Directory.Files());
        Assert.Contains(url.AbsolutePath, Host.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task OutputsWithTheSameNameNeverOverwriteEachOther()
    {
        var first = HostedFile.Generated(5_000, seed: 37);
        var second = HostedFile.Generated(6_000, seed: 38);
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path, NameTemplate = "{Name}" });
        var planned = new[] { Host.Add("/x/video.mp4", first), Host.Add("/y/video.mp4", second) }
            .Select(url => planner.Plan(new DownloadRequest { Url = url, TaskId = "same" })).ToList();

        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions);
        var results = await downloader.DownloadAllAsync(planned, Events.Sink, CancellationToken.None);

        Assert.All(results, r => Assert.IsType<DownloadCompleted>(r));
        Assert.Equal(["video.mp4", "video_2.mp4"], Directory.Files());
        Assert.Equal(first.Sha256Hex(), DownloadTestKit.Sha256Of(Directory.Combine("video.mp4")));
        Assert.Equal(second.Sha256Hex(), DownloadTestKit.Sha256Of(Directory.Combine("video_2.mp4")));
    }
}
