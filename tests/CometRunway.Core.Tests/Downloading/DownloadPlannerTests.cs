using CometRunway.Core.Downloading;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Downloading;

public sealed class DownloadPlannerTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private DownloadPlanner Planner(string? template = null, bool force = false, bool skipIdentical = false) =>
        new(new DownloadPlanOptions { DestinationDirectory = directory.Path, NameTemplate = template, Force = force, SkipIdentical = skipIdentical });

    private static DownloadRequest Request(string url, string? taskId = null, int index = 0, int count = 1) =>
        new() { Url = new Uri(url), TaskId = taskId, OutputIndex = index, OutputCount = count };

    [Fact]
    public void TaskWithOneOutputIsNamedAfterTheTask()
    {
        var planned = Planner().Plan(Request("https://cdn.example/x/abc.mp4?sig=1", "task-1"));
        Assert.Equal(directory.Combine("task-1.mp4"), planned.FinalPath);
        Assert.Equal(directory.Combine("task-1.mp4"), planned.DisplayPath);
    }

    [Fact]
    public void TaskWithSeveralOutputsGetsNumberedNames()
    {
        var planner = Planner();
        var task = DownloadTestKit.SucceededTask("t9", new Uri("https://cdn.example/a.mp4"), new Uri("https://cdn.example/b.png"));
        var names = DownloadRequest.ForTask(task).Select(planner.Plan).Select(p => Path.GetFileName(p.FinalPath!)).ToArray();
        Assert.Equal(["t9_1.mp4", "t9_2.png"], names);
    }

    [Fact]
    public void BareUrlIsNamedAfterItsLastSegment()
    {
        var planned = Planner().Plan(Request("https://cdn.example/dir/My%20Clip.MP4"));
        Assert.Equal("My Clip.mp4", Path.GetFileName(planned.FinalPath));
    }

    [Fact]
    public void UrlWithoutExtensionLeavesItPendingAndWhatIfSaysSo()
    {
        var planned = Planner().Plan(Request("https://cdn.example/download", "t1"));
        Assert.True(planned.ExtensionPending);
        Assert.Null(planned.FinalPath);
        Assert.Equal(directory.Combine("t1.<ext from Content-Type>"), planned.DisplayPath);
    }

    [Fact]
    public void TemplateTokensAreReplacedAndTheExtensionAppended()
    {
        var planned = Planner("{TaskId}-out{Index}-{Name}").Plan(Request("https://cdn.example/v/clip.webm", "t7", index: 2, count: 3));
        Assert.Equal("t7-out3-clip.webm", Path.GetFileName(planned.FinalPath));
    }

    [Theory]
    [InlineData("{Unknown}")]
    [InlineData("{TaskId")]
    [InlineData("x}")]
    public void UnknownTemplateTokensAreRejectedUpFront(string template)
    {
        var error = Assert.Throws<ArgumentException>(() => Planner(template));
        Assert.Contains("{TaskId}", error.Message);
    }

    [Fact]
    public void RelativeDestinationIsRejected() =>
        Assert.Throws<ArgumentException>(() => new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = "relative/dir" }));

    [Theory]
    [InlineData("https://cdn.example/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("https://cdn.example/%2e%2e%2f%2e%2e%2fsecret.mp4")]
    [InlineData("https://cdn.example/a%5C..%5C..%5Cwin.ini")]
    [InlineData("https://cdn.example/%2e%2e")]
    [InlineData("https://cdn.example/..")]
    [InlineData("https://cdn.example/x/%00evil.mp4")]
    public void TraversalInUrlsNeverLeavesTheDirectory(string url)
    {
        var planned = Planner().Plan(Request(url));
        var path = planned.FinalPath ?? planned.DisplayPath;
        Assert.Equal(directory.Path, Path.GetDirectoryName(Path.GetFullPath(path)));
        Assert.False(Path.GetFileName(path).StartsWith('.'));
    }

    [Theory]
    [InlineData("https://cdn.example/CON.mp4", "_CON.mp4")]
    [InlineData("https://cdn.example/nul", "_nul.<ext from Content-Type>")]
    [InlineData("https://cdn.example/lpt1.png", "_lpt1.png")]
    public void ReservedNamesInUrlsAreMadeSafe(string url, string expected)
    {
        var planned = Planner().Plan(Request(url));
        Assert.Equal(expected, Path.GetFileName(planned.DisplayPath));
    }

    [Fact]
    public void TaskIdsAreSanitizedToo()
    {
        var planned = Planner().Plan(Request("https://cdn.example/a.mp4", "../../evil"));
        Assert.Equal("_.._evil.mp4", Path.GetFileName(planned.FinalPath));
    }

    [Fact]
    public void CollisionsInTheBatchGetSuffixes()
    {
        var planner = Planner();
        var names = new[] { "https://a.example/x/clip.mp4", "https://b.example/y/clip.mp4", "https://c.example/CLIP.mp4" }
            .Select(url => Path.GetFileName(planner.Plan(Request(url)).FinalPath!)).ToArray();
        Assert.Equal(["clip.mp4", "clip_2.mp4", "CLIP_3.mp4"], names);
    }

    [Fact]
    public void PendingExtensionsCollideByStem()
    {
        var planner = Planner();
        var first = planner.Plan(Request("https://a.example/clip"));
        var second = planner.Plan(Request("https://a.example/clip.mp4"));
        var third = planner.Plan(Request("https://b.example/clip"));
        Assert.Equal("clip", first.Stem);
        Assert.Equal("clip_2", second.Stem);
        Assert.Equal("clip_3", third.Stem);
    }

    [Fact]
    public void ExistingFileIsRefusedByDefault()
    {
        File.WriteAllText(directory.Combine("t1.mp4"), "old");
        var error = Assert.Throws<RunwayDownloadException>(() => Planner().Plan(Request("https://cdn.example/a.mp4", "t1")));
        Assert.Equal(DownloadErrorKind.ResourceExists, error.Kind);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(directory.Combine("t1.mp4"), error.Path);
    }

    [Fact]
    public void ExistingFileIsAcceptedWithForceOrSkipIdentical()
    {
        File.WriteAllText(directory.Combine("t1.mp4"), "old");
        Assert.True(Planner(force: true).Plan(Request("https://cdn.example/a.mp4", "t1")).Overwrite);
        Assert.True(Planner(skipIdentical: true).Plan(Request("https://cdn.example/a.mp4", "t1")).SkipIfIdentical);
    }

    [Theory]
    [InlineData("ftp://cdn.example/a.mp4")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public void NonHttpUrlsAreInvalid(string url)
    {
        var error = Assert.Throws<RunwayDownloadException>(() => Planner().Plan(Request(url, "t1")));
        Assert.Equal(DownloadErrorKind.InvalidUrl, error.Kind);
    }

    [Fact]
    public void RelativeUrlIsInvalid()
    {
        var error = Assert.Throws<RunwayDownloadException>(() =>
            Planner().Plan(new DownloadRequest { Url = new Uri("/a.mp4", UriKind.Relative) }));
        Assert.Equal(DownloadErrorKind.InvalidUrl, error.Kind);
    }

    [Fact]
    public void PlanningWritesNothing()
    {
        var target = directory.Combine("sub", "deeper");
        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = target });
        planner.Plan(Request("https://cdn.example/a.mp4"));
        Assert.False(Directory.Exists(target));
    }

    [Theory]
    [InlineData(RunwayTaskStatus.Failed, DownloadErrorKind.TaskNotSucceeded)]
    [InlineData(RunwayTaskStatus.Running, DownloadErrorKind.TaskNotSucceeded)]
    [InlineData(RunwayTaskStatus.Succeeded, DownloadErrorKind.NoOutput)]
    public void TasksWithoutUsableOutputGetATypedError(RunwayTaskStatus status, DownloadErrorKind kind)
    {
        var task = new RunwayTask { Id = "t5", Format = RunwayTaskFormat.Official, Status = status, FailureReason = "moderation" };
        var error = Assert.Throws<RunwayDownloadException>(() => DownloadRequest.ForTask(task));
        Assert.Equal(kind, error.Kind);
        Assert.Equal("t5", error.TaskId);
        Assert.Contains("t5", error.Message);
    }

    [Fact]
    public void ForTaskKeepsFormatAndIndex()
    {
        var task = DownloadTestKit.SucceededTask("t2", new Uri("https://a.example/1.mp4"), new Uri("https://a.example/2.mp4"));
        var requests = DownloadRequest.ForTask(task);
        Assert.All(requests, r => Assert.Equal(RunwayTaskFormat.Feed, r.TaskFormat));
        Assert.Equal([0, 1], requests.Select(r => r.OutputIndex));
        Assert.All(requests, r => Assert.Equal(2, r.OutputCount));
    }
}
