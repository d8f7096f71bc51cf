using CometRunway.Core.Json;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Json;

public sealed class RunwayStatusNormalizerTests
{
    public static TheoryData<string, RunwayTaskStatus> BothVocabularies => new()
    {
        { "NOT_START", RunwayTaskStatus.Pending },
        { "SUBMITTED", RunwayTaskStatus.Pending },
        { "QUEUED", RunwayTaskStatus.Pending },
        { "IN_PROGRESS", RunwayTaskStatus.Running },
        { "SUCCESS", RunwayTaskStatus.Succeeded },
        { "FAILURE", RunwayTaskStatus.Failed },
        { "UNKNOWN", RunwayTaskStatus.Unknown },
        { "PENDING", RunwayTaskStatus.Pending },
        { "THROTTLED", RunwayTaskStatus.Throttled },
        { "RUNNING", RunwayTaskStatus.Running },
        { "SUCCEEDED", RunwayTaskStatus.Succeeded },
        { "FAILED", RunwayTaskStatus.Failed },
        { "CANCELLED", RunwayTaskStatus.Cancelled },
        { "CANCELED", RunwayTaskStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(BothVocabularies))]
    public void Maps_each_status_in_any_case(string raw, RunwayTaskStatus expected)
    {
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize(raw));
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize(raw.ToLowerInvariant()));
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize(MixCase(raw)));
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize($"  {raw}\t"));
    }

    [Theory]
    [InlineData("in-progress", RunwayTaskStatus.Running)]
    [InlineData("In Progress", RunwayTaskStatus.Running)]
    [InlineData("not-start", RunwayTaskStatus.Pending)]
    public void Treats_dash_and_space_as_underscore(string raw, RunwayTaskStatus expected) =>
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize(raw));

    [Theory]
    [InlineData("0", false, RunwayTaskStatus.Pending)]
    [InlineData("1", false, RunwayTaskStatus.Running)]
    [InlineData("2", true, RunwayTaskStatus.Succeeded)]
    [InlineData("2", false, RunwayTaskStatus.Running)]
    [InlineData("3", false, RunwayTaskStatus.Failed)]
    [InlineData("3", true, RunwayTaskStatus.Failed)]
    [InlineData("4", true, RunwayTaskStatus.Unknown)]
    [InlineData("-1", false, RunwayTaskStatus.Unknown)]
    public void Maps_older_numeric_feed_statuses_judging_success_by_video_url(string raw, bool hasVideoUrl, RunwayTaskStatus expected) =>
        Assert.Equal(expected, RunwayStatusNormalizer.Normalize(raw, hasVideoUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("DONE")]
    [InlineData("SUCCESSFUL")]
    [InlineData("processing")]
    [InlineData("成功")]
    public void Maps_anything_else_to_Unknown(string? raw) =>
        Assert.Equal(RunwayTaskStatus.Unknown, RunwayStatusNormalizer.Normalize(raw));

    [Theory]
    [InlineData(RunwayTaskStatus.Succeeded, true)]
    [InlineData(RunwayTaskStatus.Failed, true)]
    [InlineData(RunwayTaskStatus.Cancelled, true)]
    [InlineData(RunwayTaskStatus.Unknown, false)]
    [InlineData(RunwayTaskStatus.Pending, false)]
    [InlineData(RunwayTaskStatus.Throttled, false)]
    [InlineData(RunwayTaskStatus.Running, false)]
    public void Only_succeeded_failed_and_cancelled_are_terminal(RunwayTaskStatus status, bool terminal)
    {
        Assert.Equal(terminal, RunwayStatusNormalizer.IsTerminal(status));
        Assert.Equal(terminal, new RunwayTask { Id = "x", Format = RunwayTaskFormat.Feed, Status = status }.IsTerminal);
    }

    private static string MixCase(string text) =>
        string.Concat(text.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
}
