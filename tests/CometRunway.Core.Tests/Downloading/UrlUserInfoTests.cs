using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Issue 10.12: <c>user:password@</c> in a URL is never sent, and never shown in a message or an error.</summary>
public sealed class UrlUserInfoTests : FileHostTestBase
{
    private const string Password = "pw-0123456789-secret";

    [Fact]
    public async Task AFailedDownloadNeverShowsTheUrlsPassword()
    {
        var url = WithUserInfo(Host.UrlFor("/missing.mp4"));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));

        Assert.Equal(DownloadErrorKind.HttpError, failed.Kind);
        Assert.DoesNotContain(Password, failed.Message);
        Assert.DoesNotContain(Password, failed.Error.ToString());
        Assert.DoesNotContain(Password, failed.Error.Url!.ToString());
        Assert.DoesNotContain(Password, failed.Download.ToString());
        Assert.DoesNotContain("user", failed.Download.Url.ToString());
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public async Task ARedirectToAUrlWithAPasswordIsFollowedWithoutIt()
    {
        var target = WithUserInfo(Host.UrlFor("/gone.mp4"));
        var url = Host.Add("/hop.mp4", HostedFile.FromBytes([1]) with { RedirectTo = target.ToString() });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));

        Assert.Equal("/gone.mp4", Host.Requests[^1].Path);
        Assert.DoesNotContain(Password, failed.Error.ToString());
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public void ARefusedUrlIsQuotedWithoutItsPassword()
    {
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = Directory.Path });

        var error = Assert.Throws<RunwayDownloadException>(() => planner.Plan(new DownloadRequest { Url = new Uri($"ftp://user:{Password}@files.example/v.mp4") }));

        Assert.Equal(DownloadErrorKind.InvalidUrl, error.Kind);
        Assert.Contains("ftp://files.example/v.mp4", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain(Password, error.Url!.ToString());
    }

    [Theory]
    [InlineData("https://user:" + Password + "@cdn.example/v.mp4?token=abc#f", "https://cdn.example/v.mp4")]
    [InlineData("http://cdn.example:8080/a/b.mp4", "http://cdn.example:8080/a/b.mp4")]
    public void UrlsAreDescribedWithoutUserInfoQueryOrFragment(string url, string expected) =>
        Assert.Equal(expected, UrlDisplay.Describe(new Uri(url)));

    [Theory]
    [InlineData("user:" + Password + "@cdn.example/v.mp4", "cdn.example/v.mp4")]
    [InlineData("weird://user:" + Password + "@host/x", "weird://host/x")]
    [InlineData("no-at-sign/here@later", "no-at-sign/here@later")]
    public void TextThatIsNotAnHttpUrlLosesItsUserInfoToo(string text, string expected) =>
        Assert.Equal(expected, UrlDisplay.Describe(new Uri(text, UriKind.RelativeOrAbsolute)));

    private static Uri WithUserInfo(Uri url) => new UriBuilder(url) { UserName = "user", Password = Password }.Uri;
}
