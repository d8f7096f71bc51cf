using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Expired signed links, refreshes through the task source, and redirects.</summary>
public sealed class RunwayDownloaderLinkTests : FileHostTestBase
{
    [Theory]
    [InlineData(403)]
    [InlineData(410)]
    public async Task ExpiredLinkIsRefreshedFromTheTaskOnce(int status)
    {
        var file = HostedFile.Generated(300_000, seed: 21) with { RequiredToken = "fresh", ExpiredStatus = status };
        var stale = Host.Add("/signed/b.mp4", file, "token=stale");
        var fresh = Host.UrlFor("/signed/b.mp4", "token=fresh");
        var source = new FreshLinkTaskSource(id => DownloadTestKit.SucceededTask(id, new Uri("https://other.example/a.mp4"), fresh));
        var planned = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path })
            .Plan(DownloadRequest.ForTask(DownloadTestKit.SucceededTask("t42", new Uri("https://other.example/a.mp4"), stale))[1]);

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(planned, taskSource: source));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(fresh, completed.Url);
        Assert.Equal(1, source.Reads);
        Assert.Equal([RunwayTaskFormat.Feed], source.FormatsAsked);
        Assert.Equal(fresh, Events.Of<DownloadLinkRefreshed>().Single().NewUrl);
        Assert.Equal(1, completed.Attempts);
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public async Task ExpiredLinkWithoutATaskSourceSaysHowToGetANewOne()
    {
        var url = Host.Add("/signed/c.mp4", HostedFile.FromBytes([1]) with { RequiredToken = "x", ExpiredStatus = 410 });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url, taskId: "t7")));

        Assert.Equal(DownloadErrorKind.LinkExpired, failed.Kind);
        Assert.Equal("The link to output 1 of task t7 has expired (HTTP 410 from 127.0.0.1). Read the task again (Get-RunwayTask -Id t7) for fresh links and save again.", failed.Message);
        Assert.Single(Host.Requests);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task ExpiredBareUrlIsNotRefreshedEvenWithASource()
    {
        var url = Host.Add("/signed/d.mp4", HostedFile.FromBytes([1]) with { RequiredToken = "x" });
        var source = new FreshLinkTaskSource(_ => throw new InvalidOperationException("must not be called"));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url, taskId: null), taskSource: source));

        Assert.Equal(DownloadErrorKind.LinkExpired, failed.Kind);
        Assert.Contains("HTTP 403", failed.Message);
        Assert.Equal(0, source.Reads);
    }

    [Fact]
    public async Task RefreshedLinkThatIsRefusedTooFailsAfterOneRefresh()
    {
        var url = Host.Add("/signed/e.mp4", HostedFile.FromBytes([1]) with { RequiredToken = "never" }, "token=a");
        var source = new FreshLinkTaskSource(id => DownloadTestKit.SucceededTask(id, Host.UrlFor("/signed/e.mp4", "token=b")));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url, taskId: "t8"), taskSource: source));

        Assert.Equal(DownloadErrorKind.LinkExpired, failed.Kind);
        Assert.Contains("fresh link read from the task was refused too", failed.Message);
        Assert.Equal(1, source.Reads);
        Assert.Equal(2, Host.Requests.Count);
    }

    [Fact]
    public async Task TaskSourceFailureIsReportedInTheExpiryMessage()
    {
        var url = Host.Add("/signed/f.mp4", HostedFile.FromBytes([1]) with { RequiredToken = "never" });
        var source = new FreshLinkTaskSource(_ => throw new RunwayApiException(RunwayErrorKind.NotFound, "Task t9 was not found."));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url, taskId: "t9"), taskSource: source));

        Assert.Equal(DownloadErrorKind.LinkExpired, failed.Kind);
        Assert.Contains("Task t9 was not found.", failed.Message);
    }

    [Fact]
    public async Task RedirectsAreFollowedWithoutAuthorization()
    {
        var file = HostedFile.Generated(50_000, seed: 22);
        Host.Add("/real/file.mp4", file);
        Host.Add("/hop2", HostedFile.FromBytes([]) with { RedirectTo = Host.UrlFor("/real/file.mp4").ToString(), RedirectStatus = 307 });
        var url = Host.Add("/hop1.mp4", HostedFile.FromBytes([]) with { RedirectTo = "/hop2" });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(["/hop1.mp4", "/hop2", "/real/file.mp4"], Host.Requests.Select(r => r.Path));
        AssertNoAuthorizationReceived();
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/file.mp4", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    public async Task RedirectsToOtherSchemesAreRefused(string location, string scheme)
    {
        var url = Host.Add("/bad.mp4", HostedFile.FromBytes([]) with { RedirectTo = location });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));

        Assert.Equal(DownloadErrorKind.InvalidUrl, failed.Kind);
        Assert.Contains($"'{scheme}:'", failed.Message);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task RedirectLoopsAreCut()
    {
        var url = Host.Add("/loop.mp4", HostedFile.FromBytes([]) with { RedirectTo = "/loop.mp4" });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), DownloadTestKit.FastOptions with { MaxRedirects = 3 }));

        Assert.Equal(DownloadErrorKind.InvalidUrl, failed.Kind);
        Assert.Contains("more than 3 redirects", failed.Message);
        Assert.Equal(4, Host.Requests.Count);
    }
}
