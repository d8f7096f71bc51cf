using CometRunway.Core.Downloading;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Downloading;

public sealed class DownloadRequestTests
{
    [Fact]
    public void TypedUrlsAreParsedHereAndTheBadOnesTakeNoNumber()
    {
        var rejected = new List<(string Text, RunwayDownloadException Error)>();

        var requests = DownloadRequest.ForUrls(["not a url", "https://cdn.example/a.mp4", "cdn.example/b.png", "https://cdn.example/b.png"], "t-9", RunwayTaskFormat.Feed, (text, error) => rejected.Add((text, error)));

        Assert.Equal([("https://cdn.example/a.mp4", 0, 2), ("https://cdn.example/b.png", 1, 2)], requests.Select(r => (r.Url.ToString(), r.OutputIndex, r.OutputCount)));
        Assert.All(requests, r => Assert.Equal(("t-9", (RunwayTask?)null, (RunwayTaskFormat?)RunwayTaskFormat.Feed), (r.TaskId, r.Task, r.TaskFormat)));
        Assert.Equal(["not a url", "cdn.example/b.png"], rejected.Select(r => r.Text));
        Assert.All(rejected, r => Assert.Equal(DownloadErrorKind.InvalidUrl, r.Error.Kind));
        Assert.Contains("'not a url' is not an absolute URL", rejected[0].Error.Message);
    }

    [Fact]
    public void TheTaskTravelsFromTheRequestToThePlannedDownload()
    {
        var task = DownloadTestKit.SucceededTask("t-5", new Uri("https://cdn.example/x.mp4"));
        using var directory = new TempDirectory();
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = directory.Path });

        var planned = planner.Plan(Assert.Single(DownloadRequest.ForTask(task)));

        Assert.Same(task, planned.Task);
    }
}
