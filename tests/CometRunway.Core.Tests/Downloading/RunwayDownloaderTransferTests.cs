using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Happy paths, parallel batches and the shape of the events, through a real file host.</summary>
public sealed class RunwayDownloaderTransferTests : FileHostTestBase
{
    [Fact]
    public async Task SavesAFileByteForByteWithItsModificationTime()
    {
        var file = HostedFile.Generated(1024 * 1024 + 17, seed: 3);
        var url = Host.Add("/out/clip.mp4", file, "sig=abc");

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(Directory.Combine("task1.mp4"), completed.Path);
        Assert.Equal(file.Length, completed.Length);
        Assert.Equal("task1", completed.TaskId);
        Assert.Equal(1, completed.Attempts);
        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(file.LastModified!.Value.UtcDateTime, File.GetLastWriteTimeUtc(completed.Path));
        Assert.Equal(["task1.mp4"], Directory.Files());
        AssertNoAuthorizationReceived();
        Assert.StartsWith("CometRunway/", Host.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task EventsGoStartedProgressCompleted()
    {
        var url = Host.Add("/e.mp4", HostedFile.Generated(300_000));
        await DownloadAsync(Plan(url));

        var events = Events.All;
        Assert.IsType<DownloadStarted>(events[0]);
        Assert.Equal(300_000, ((DownloadStarted)events[0]).TotalBytes);
        var last = Assert.IsType<DownloadProgress>(events[^2]);
        Assert.Equal(300_000, last.BytesReceived);
        Assert.Equal(100, last.PercentComplete);
        Assert.IsType<DownloadCompleted>(events[^1]);
    }

    [Fact]
    public async Task ExtensionIsSettledFromContentTypeWhenTheUrlHasNone()
    {
        var url = Host.Add("/files/noext", HostedFile.FromBytes([1, 2, 3, 4], "image/png"));
        var planned = Plan(url);
        Assert.True(planned.ExtensionPending);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned));

        Assert.Equal(Directory.Combine("task1.png"), completed.Path);
        Assert.Equal(Directory.Combine("task1.png"), Events.Of<DownloadStarted>().Single().FinalPath);
    }

    [Fact]
    public async Task UnknownContentTypeGivesBin()
    {
        var url = Host.Add("/files/blob", HostedFile.FromBytes([9], "application/x-whatever"));
        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));
        Assert.EndsWith("task1.bin", completed.Path);
    }

    [Fact]
    public async Task ManyFilesInParallelAllArriveIntact()
    {
        var files = Enumerable.Range(1, 24).Select(i => HostedFile.Generated(200_000 + i, seed: i)).ToArray();
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });
        var planned = files.Select((file, i) => planner.Plan(new DownloadRequest { Url = Host.Add($"/batch/{i}/video.mp4", file) })).ToList();

        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions with { ThrottleLimit = 6 });
        var results = await downloader.DownloadAllAsync(planned, Events.Sink, CancellationToken.None);

        Assert.Equal(24, results.Count);
        Assert.All(results, result => Assert.IsType<DownloadCompleted>(result));
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(files[i].Sha256Hex(), DownloadTestKit.Sha256Of(planned[i].FinalPath!));
        }

        // Same URL file name every time: the planner kept them apart.
        Assert.Equal(24, Directory.Files().Length);
        var batch = Events.Of<DownloadBatchProgress>()[^1];
        Assert.Equal(24, batch.FilesFinished);
        Assert.Equal(24, batch.FilesTotal);
        Assert.Equal(files.Sum(f => f.Length), batch.BytesReceived);
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public async Task StreamingBatchAcceptsDownloadsAsTheyArrive()
    {
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });
        async IAsyncEnumerable<PlannedDownload> Arriving()
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Yield();
                yield return planner.Plan(new DownloadRequest { Url = Host.Add($"/s{i}.mp4", HostedFile.Generated(10_000, i)), TaskId = $"t{i}" });
            }
        }

        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions);
        await downloader.DownloadAllAsync(Arriving(), Events.Sink, CancellationToken.None);

        Assert.Equal(5, Events.Of<DownloadCompleted>().Count);
        Assert.Null(Events.Of<DownloadBatchProgress>()[^1].FilesTotal);
    }

    [Fact]
    public async Task SlowServerStillCompletesWithProgressAlongTheWay()
    {
        var file = HostedFile.Generated(120_000, seed: 5);
        var url = Host.Add("/slow.mp4", file with { BytesPerSecond = 200_000 });
        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        var progress = Events.Of<DownloadProgress>();
        Assert.True(progress.Count >= 3, $"only {progress.Count} progress events");
        Assert.Contains(progress, p => p.BytesReceived < 120_000 && p.BytesPerSecond > 0 && p.EstimatedRemaining is not null);
    }

    [Fact]
    public async Task UserInfoInTheUrlIsNeverTurnedIntoAuthorization()
    {
        var url = Host.Add("/u.mp4", HostedFile.FromBytes([1, 2, 3]));
        var withUserInfo = new UriBuilder(url) { UserName = "user", Password = "secret" }.Uri;
        DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(withUserInfo)));
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public async Task RetriesServerErrorsWithBackoff()
    {
        var flaky = Host.Add("/flaky.mp4", HostedFile.Generated(50_000) with { FailFirstRequests = 2, FailureStatus = 503 });
        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(flaky)));
        Assert.Equal(3, completed.Attempts);
        Assert.Equal([2, 3], Events.Of<DownloadRetrying>().Select(r => r.NextAttempt));
    }

    [Fact]
    public async Task NotFoundFailsAtOnceWithoutRetrying()
    {
        var url = Host.UrlFor("/missing.mp4");
        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));
        Assert.Equal(DownloadErrorKind.HttpError, failed.Kind);
        Assert.Contains("404", failed.Message);
        Assert.Single(Host.Requests);
        Assert.Empty(Directory.Files());
    }
}
