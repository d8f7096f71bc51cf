using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>The downloader tells each file's story as verbose lines, each before the event it describes.</summary>
public sealed class RunwayDownloaderVerboseTests : FileHostTestBase
{
    [Fact]
    public async Task EachLineComesBeforeItsEventInOneOrder()
    {
        var url = Host.Add("/v.mp4", HostedFile.Generated(50_000));
        var story = new List<string>();
        var downloader = new RunwayDownloader(DownloadTestKit.FastOptions, verbose: line => story.Add("line " + line));

        await downloader.DownloadAllAsync([Plan(url)], item => story.Add("event " + item.GetType().Name), CancellationToken.None);

        var lines = story.Where(s => s.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith($"line Downloading {url.GetLeftPart(UriPartial.Path)} to {Directory.Combine("task1.mp4")}", lines[0]);
        Assert.StartsWith($"line Saved {Directory.Combine("task1.mp4")} (50000 bytes)", lines[1]);
        Assert.Equal(story.IndexOf(lines[0]) + 1, story.IndexOf("event DownloadStarted"));
        Assert.Equal(story.IndexOf(lines[1]) + 1, story.IndexOf("event DownloadCompleted"));
    }
}
