using CometRunway.Core.Configuration;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Whatever goes wrong with one download of a batch ends that download only; the others are saved.</summary>
public sealed class RunwayDownloaderIsolationTests : FileHostTestBase
{
    [Fact]
    public async Task RefreshThatTheClientRefusesFailsOnlyThatDownload()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        var client = new RunwayClient(new CometApiConnection(emulator.BaseUri, ApiKey.FromString(emulator.ApiKey)));
        var good = HostedFile.Generated(200_000, seed: 31);
        var goodUrl = Host.Add("/good.mp4", good);
        var expiredUrl = Host.Add("/expired.mp4", HostedFile.FromBytes([1, 2, 3]) with { RequiredToken = "fresh" }, "token=stale");
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });
        // '..' is not a task id: the real client throws ArgumentException before sending anything.
        var expired = planner.Plan(new DownloadRequest { Url = expiredUrl, TaskId = "..", TaskFormat = RunwayTaskFormat.Official });
        var fine = planner.Plan(new DownloadRequest { Url = goodUrl, TaskId = "good" });
        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions with { ThrottleLimit = 2 }, client);

        var results = await downloader.DownloadAllAsync([expired, fine], Events.Sink, CancellationToken.None);

        Assert.Equal(2, results.Count);
        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(results.Single(r => r.Download == fine));
        Assert.Equal(good.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(results.Single(r => r.Download == expired));
        Assert.Equal(DownloadErrorKind.LinkExpired, failed.Kind);
        Assert.EndsWith("Reading the task again for a fresh link failed: '..' is not a task id.", failed.Message);
        Assert.DoesNotContain(" at ", failed.Message);
        Assert.Empty(emulator.Requests);
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }

    [Fact]
    public async Task UnexpectedExceptionFailsOnlyThatDownloadWithAPlainMessage()
    {
        var first = HostedFile.Generated(100_000, seed: 32);
        var second = HostedFile.Generated(100_000, seed: 33);
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });
        var broken = planner.Plan(new DownloadRequest { Url = Host.Add("/broken.mp4", first), TaskId = "broken" });
        var fine = planner.Plan(new DownloadRequest { Url = Host.Add("/fine.mp4", second), TaskId = "fine" });
        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions with { ThrottleLimit = 2 });

        // Anything the engine did not plan for: here a progress sink that throws for one download.
        var results = await downloader.DownloadAllAsync([broken, fine], e =>
        {
            if (e is DownloadProgress progress && progress.Download == broken)
            {
                throw new InvalidOperationException("The sink broke.");
            }

            Events.Sink(e);
        }, CancellationToken.None);

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(results.Single(r => r.Download == broken));
        Assert.Equal(DownloadErrorKind.Unexpected, failed.Kind);
        Assert.Equal("Saving output 1 of task broken failed unexpectedly: The sink broke.", failed.Message);
        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(results.Single(r => r.Download == fine));
        Assert.Equal(second.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal([Path.GetFileName(completed.Path)], Directory.Files());
    }
}
