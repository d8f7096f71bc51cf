using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Tests.Contract;

/// <summary>
/// Core's public types are what crosses into PowerShell: the task model, ids and keys, the inputs the cmdlets bind,
/// the exceptions error records carry (with their kinds), and the request and event bases the public cmdlet base
/// classes name. Engines, options and helpers are internal (the PowerShell project, tests and benchmarks see them
/// through InternalsVisibleTo). A new public type is a decision: add it here.
/// </summary>
public sealed class CorePublicSurfaceTests
{
    private static readonly string[] Expected =
    [
        "CometRunway.Core.Configuration.ApiKey",
        "CometRunway.Core.Configuration.CometApiConfigurationException",
        "CometRunway.Core.Configuration.CometApiSession",
        "CometRunway.Core.Configuration.ConfigurationErrorKind",
        "CometRunway.Core.Creating.CreateErrorKind",
        "CometRunway.Core.Creating.CreateEvent",
        "CometRunway.Core.Creating.CreateRefusal",
        "CometRunway.Core.Creating.CreateRequest",
        "CometRunway.Core.Creating.CreateRoute",
        "CometRunway.Core.Creating.MediaInput",
        "CometRunway.Core.Creating.MediaKind",
        "CometRunway.Core.Creating.MotionVector",
        "CometRunway.Core.Creating.PerformanceInput",
        "CometRunway.Core.Creating.ReferenceImage",
        "CometRunway.Core.Creating.RunwayCreateException",
        "CometRunway.Core.Creating.VideoReference",
        "CometRunway.Core.Downloading.DownloadErrorKind",
        "CometRunway.Core.Downloading.DownloadEvent",
        "CometRunway.Core.Downloading.RunwayDownloadException",
        "CometRunway.Core.Http.RunwayApiException",
        "CometRunway.Core.Http.RunwayErrorKind",
        "CometRunway.Core.Http.TaskId",
        "CometRunway.Core.Reading.ReadEvent",
        "CometRunway.Core.Tasks.RunwayTask",
        "CometRunway.Core.Tasks.RunwayTaskFailedException",
        "CometRunway.Core.Tasks.RunwayTaskFormat",
        "CometRunway.Core.Tasks.RunwayTaskStatus",
        "CometRunway.Core.Tasks.TaskProperties",
        "CometRunway.Core.Tasks.UriList",
        "CometRunway.Core.Waiting.WaitEvent",
        "CometRunway.Core.Waiting.WaitOptions",
    ];

    [Fact]
    public void CoreExportsOnlyWhatCrossesIntoPowerShell()
    {
        var exported = typeof(RunwayTask).Assembly.GetExportedTypes().Select(type => type.FullName!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Expected.Order(StringComparer.Ordinal), exported);
    }

    [Fact]
    public void BenchmarkCountersAreNotPublic() =>
        Assert.DoesNotContain(typeof(RunwayTask).Assembly.GetExportedTypes(), type => type.Name == "WaitSummary");
}
