using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

public sealed class ProgressAndTimeTests
{
    [Theory]
    [InlineData("\"0%\"", 0.0)]
    [InlineData("\"45%\"", 45.0)]
    [InlineData("\"27.5%\"", 27.5)]
    [InlineData("\" 100 % \"", 100.0)]
    [InlineData("\"150%\"", 100.0)]
    [InlineData("\"-5%\"", 0.0)]
    [InlineData("0.275", 27.5)]
    [InlineData("1", 100.0)]
    [InlineData("0", 0.0)]
    [InlineData("45", 45.0)]
    [InlineData("\"0.5\"", 50.0)]
    [InlineData("\"60\"", 60.0)]
    [InlineData("250", 100.0)]
    [InlineData("-0.3", 0.0)]
    public void Progress_is_normalized_to_0_to_100(string progressJson, double expected)
    {
        var feed = Parse($$"""{"task_id":"t","status":"IN_PROGRESS","progress":{{progressJson}}}""");
        var runway = Parse($$"""{"id":"t","status":"RUNNING","progress":{{progressJson}}}""", RunwayTaskFormat.Official);

        Assert.Equal(expected, feed.Progress!.Value, 6);
        Assert.Equal(expected, runway.Progress!.Value, 6);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"abc%\"")]
    [InlineData("\"NaN\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Unreadable_progress_is_null(string progressJson) =>
        Assert.Null(Parse($$"""{"task_id":"t","status":"QUEUED","progress":{{progressJson}}}""").Progress);

    [Fact]
    public void Nested_progress_is_used_when_the_outer_has_none() =>
        Assert.Equal(27.5, Parse("""{"task_id":"t","status":"IN_PROGRESS","data":{"id":"t","progress":0.275}}""").Progress!.Value, 6);

    [Fact]
    public void Outer_progress_wins() =>
        Assert.Equal(10, Parse("""{"task_id":"t","status":"IN_PROGRESS","progress":"10%","data":{"progress":0.9}}""").Progress);

    [Theory]
    [InlineData("1773366766", 1773366766_000L)]
    [InlineData("\"1773366766\"", 1773366766_000L)]
    [InlineData("1773366766.5", 1773366766_500L)]
    [InlineData("1773366766123", 1773366766_123L)]
    [InlineData("\"1773366766123\"", 1773366766_123L)]
    [InlineData("\"2026-03-13T09:52:46+08:00\"", 1773366766_000L)]
    public void Unix_times_are_read_as_seconds_or_clear_milliseconds(string json, long expectedUnixMs)
    {
        var task = Parse($$"""{"task_id":"t","status":"SUCCESS","submit_time":{{json}},"start_time":{{json}},"finish_time":{{json}}}""");

        var expected = DateTimeOffset.FromUnixTimeMilliseconds(expectedUnixMs);
        Assert.Equal(expected, task.SubmittedAt);
        Assert.Equal(expected, task.StartedAt);
        Assert.Equal(expected, task.FinishedAt);
        Assert.Equal(expected, task.CreatedAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"0\"")]
    [InlineData("-1")]
    [InlineData("\"\"")]
    [InlineData("\"soon\"")]
    [InlineData("null")]
    [InlineData("1e300")]
    [InlineData("{}")]
    public void Zero_and_unreadable_times_mean_not_yet(string json)
    {
        var task = Parse($$"""{"task_id":"t","status":"QUEUED","submit_time":{{json}},"start_time":{{json}},"finish_time":{{json}}}""");

        Assert.Null(task.SubmittedAt);
        Assert.Null(task.StartedAt);
        Assert.Null(task.FinishedAt);
        Assert.Null(task.CreatedAt);
    }

    [Theory]
    [InlineData("2026-03-13T09:52:46+08:00", 2026, 3, 13, 9, 52, 46, 0, 8)]
    [InlineData("2026-05-01T12:47:47.351Z", 2026, 5, 1, 12, 47, 47, 351, 0)]
    [InlineData("2026-06-10T08:45:00.000-05:30", 2026, 6, 10, 8, 45, 0, 0, -5.5)]
    [InlineData("2026-06-10T08:45:00", 2026, 6, 10, 8, 45, 0, 0, 0)]
    public void CreatedAt_is_ISO_8601_keeping_its_offset(string iso, int y, int mo, int d, int h, int mi, int s, int ms, double offsetHours)
    {
        var task = Parse($$"""{"id":"t","status":"PENDING","createdAt":"{{iso}}"}""", RunwayTaskFormat.Official);

        var expected = new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromHours(offsetHours));
        Assert.Equal(expected, task.CreatedAt);
        Assert.Equal(expected.Offset, task.CreatedAt!.Value.Offset);
    }

    [Fact]
    public void CreatedAt_prefers_createdAt_outer_then_nested_then_submit_time()
    {
        var outer = Parse("""{"task_id":"t","status":"QUEUED","createdAt":"2026-01-01T00:00:00Z","submit_time":1773366766,"data":{"createdAt":"2025-01-01T00:00:00Z"}}""");
        var nested = Parse("""{"task_id":"t","status":"QUEUED","submit_time":1773366766,"data":{"createdAt":"2025-01-01T00:00:00Z"}}""");
        var submit = Parse("""{"task_id":"t","status":"QUEUED","submit_time":1773366766,"data":{"id":"t"}}""");

        Assert.Equal(2026, outer.CreatedAt!.Value.Year);
        Assert.Equal(2025, nested.CreatedAt!.Value.Year);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773366766), submit.CreatedAt);
    }
}
