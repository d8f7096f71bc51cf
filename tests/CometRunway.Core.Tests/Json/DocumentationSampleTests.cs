using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

/// <summary>The sample responses of the published API pages, verbatim (api-docs 000 and 002/004).</summary>
public sealed class DocumentationSampleTests
{
    /// <summary>api-docs/000 (feed, German page): a queued task, wrapped, with its line breaks.</summary>
    private const string FeedQueuedSample = """
        {
        "code": "success",
        "message": "",
        "data": {
        "task_id": "3d957031-9a2a-45e2-9dc7-bc8513059c50",
        "action": "IMAGE_TO_VIDEO",
        "status": "QUEUED",
        "fail_reason": "",
        "submit_time": 1773366766,
        "start_time": 0,
        "finish_time": 0,
        "progress": "0%",
        "data": {
        "id": "3d957031-9a2a-45e2-9dc7-bc8513059c50",
        "status": "PENDING",
        "createdAt": "2026-03-13T09:52:46+08:00"
        }
        }
        }
        """;

    /// <summary>api-docs/002 (official, Dutch page) and the schema example of 004.</summary>
    private const string OfficialSucceededSample = """
        {
          "id": "d0658ae1-bbdd-4adc-aaba-fd8070e14d79",
          "status": "SUCCEEDED",
          "createdAt": "2026-05-01T12:47:47.351Z",
          "output": [
            "https://example.com/output.mp4"
          ]
        }
        """;

    /// <summary>api-docs/004, the "Succeeded" example rendered as JSON (placeholders as published).</summary>
    private const string OfficialPlaceholderSample = """
        {"id":"<task_id>","status":"SUCCEEDED","createdAt":"2026-06-10T08:45:00.000Z","output":["https://<provider-cdn>/<file_id>.png"]}
        """;

    [Theory]
    [InlineData(RunwayTaskFormat.Feed)]
    [InlineData(RunwayTaskFormat.Official)]
    public void Feed_queued_sample(RunwayTaskFormat route)
    {
        var task = Parse(FeedQueuedSample, route);

        Assert.Equal("3d957031-9a2a-45e2-9dc7-bc8513059c50", task.Id);
        Assert.Equal(RunwayTaskStatus.Pending, task.Status);
        Assert.Equal("QUEUED", task.RawStatus);
        Assert.Equal(0, task.Progress);
        Assert.Equal("IMAGE_TO_VIDEO", task.Action);
        Assert.Null(task.FailureReason);
        Assert.Null(task.FailureCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773366766), task.SubmittedAt);
        Assert.Null(task.StartedAt);
        Assert.Null(task.FinishedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 9, 52, 46, TimeSpan.FromHours(8)), task.CreatedAt);
        Assert.Empty(task.Output);
        Assert.Empty(task.Assets);
        Assert.False(task.IsTerminal);
        var provider = Assert.IsType<Dictionary<string, object?>>(Assert.Single(task.Properties).Value);
        Assert.Equal("PENDING", provider["status"]);
    }

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public void Official_succeeded_sample(RunwayTaskFormat route)
    {
        var task = Parse(OfficialSucceededSample, route);

        Assert.Equal("d0658ae1-bbdd-4adc-aaba-fd8070e14d79", task.Id);
        Assert.Equal(RunwayTaskStatus.Succeeded, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal([new Uri("https://example.com/output.mp4")], task.Output);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 47, 47, 351, TimeSpan.Zero), task.CreatedAt);
        Assert.Null(task.Progress);
        Assert.Empty(task.Properties);
    }

    [Fact]
    public void Official_sample_with_placeholders_parses_and_drops_the_invalid_url()
    {
        var task = Parse(OfficialPlaceholderSample, RunwayTaskFormat.Official);

        Assert.Equal("<task_id>", task.Id);
        Assert.Equal(RunwayTaskStatus.Succeeded, task.Status);
        Assert.Empty(task.Output);
    }
}
