using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

/// <summary>Every shape on either route, and status values of both vocabularies inside each.</summary>
public sealed class TaskShapeTests
{
    private const string FeedTask = """
        {"task_id":"feed-1","action":"IMAGE_TO_VIDEO","status":"IN_PROGRESS","fail_reason":"","submit_time":1773366766,
         "start_time":1773366770,"finish_time":0,"progress":"45%",
         "data":{"id":"feed-1","status":"RUNNING","createdAt":"2026-03-13T09:52:46+08:00"}}
        """;

    private const string RunwayTask = """
        {"id":"rw-1","status":"RUNNING","createdAt":"2026-05-01T12:47:47.351Z","progress":0.45}
        """;

    public static TheoryData<BodyShape, RunwayTaskFormat> ShapesAndRoutes()
    {
        var data = new TheoryData<BodyShape, RunwayTaskFormat>();
        foreach (var shape in Shapes)
        {
            foreach (var route in Routes)
            {
                data.Add(shape, route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAndRoutes))]
    public void Reads_a_feed_task_in_every_shape_on_either_route(BodyShape shape, RunwayTaskFormat route)
    {
        var task = Parse(FeedTask, shape, route);

        Assert.Equal("feed-1", task.Id);
        Assert.Equal(route, task.Format);
        Assert.Equal(RunwayTaskStatus.Running, task.Status);
        Assert.Equal("IN_PROGRESS", task.RawStatus);
        Assert.Equal(45, task.Progress);
        Assert.Equal("IMAGE_TO_VIDEO", task.Action);
        Assert.Null(task.FailureReason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773366766), task.SubmittedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773366770), task.StartedAt);
        Assert.Null(task.FinishedAt);
        Assert.Equal(DateTimeOffset.Parse("2026-03-13T09:52:46+08:00"), task.CreatedAt);
        Assert.Empty(task.Output);
        Assert.Equal(RetrievedAt, task.RetrievedAt);
        Assert.Equal("2024-11-06", task.RunwayVersion);
        Assert.Equal(BaseUri, task.BaseUri);
        var provider = Assert.IsType<Dictionary<string, object?>>(task.Properties["data"]);
        Assert.Equal("RUNNING", provider["status"]);
        Assert.DoesNotContain("code", task.Properties.Keys);
        Assert.DoesNotContain("message", task.Properties.Keys);
        AssertPlain(provider);
    }

    [Theory]
    [MemberData(nameof(ShapesAndRoutes))]
    public void Reads_a_plain_Runway_task_in_every_shape_on_either_route(BodyShape shape, RunwayTaskFormat route)
    {
        var task = Parse(RunwayTask, shape, route);

        Assert.Equal("rw-1", task.Id);
        Assert.Equal(route, task.Format);
        Assert.Equal(RunwayTaskStatus.Running, task.Status);
        Assert.Equal("RUNNING", task.RawStatus);
        Assert.Equal(45, task.Progress!.Value, 6);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 47, 47, 351, TimeSpan.Zero), task.CreatedAt);
        Assert.Empty(task.Properties);
    }

    public static TheoryData<string, RunwayTaskStatus, BodyShape, RunwayTaskFormat> StatusesEverywhere()
    {
        (string Raw, RunwayTaskStatus Expected)[] statuses =
        [
            ("NOT_START", RunwayTaskStatus.Pending), ("submitted", RunwayTaskStatus.Pending), ("Queued", RunwayTaskStatus.Pending),
            ("in_progress", RunwayTaskStatus.Running), ("SUCCESS", RunwayTaskStatus.Succeeded), ("failure", RunwayTaskStatus.Failed),
            ("UNKNOWN", RunwayTaskStatus.Unknown), ("pending", RunwayTaskStatus.Pending), ("THROTTLED", RunwayTaskStatus.Throttled),
            ("Running", RunwayTaskStatus.Running), ("succeeded", RunwayTaskStatus.Succeeded), ("FAILED", RunwayTaskStatus.Failed),
            ("CANCELLED", RunwayTaskStatus.Cancelled), ("canceled", RunwayTaskStatus.Cancelled), ("0", RunwayTaskStatus.Pending),
            ("1", RunwayTaskStatus.Running), ("2", RunwayTaskStatus.Running), ("3", RunwayTaskStatus.Failed),
            ("BRAND_NEW_STATE", RunwayTaskStatus.Unknown),
        ];
        var data = new TheoryData<string, RunwayTaskStatus, BodyShape, RunwayTaskFormat>();
        var i = 0;
        foreach ((var raw, var expected) in statuses)
        {
            foreach (var shape in Shapes)
            {
                // Alternate routes rather than multiply: either vocabulary is accepted on either route.
                data.Add(raw, expected, shape, i++ % 2 == 0 ? RunwayTaskFormat.Feed : RunwayTaskFormat.Official);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatusesEverywhere))]
    public void Normalizes_any_status_in_any_shape_and_keeps_it_raw(string raw, RunwayTaskStatus expected, BodyShape shape, RunwayTaskFormat route)
    {
        var feed = Parse($$"""{"task_id":"t","status":"{{raw}}","progress":"1%"}""", shape, route);
        var runway = Parse($$"""{"id":"t","status":"{{raw}}"}""", shape, route);

        Assert.Equal(expected, feed.Status);
        Assert.Equal(raw, feed.RawStatus);
        Assert.Equal(expected, runway.Status);
        Assert.Equal(raw, runway.RawStatus);
    }

    [Theory]
    [InlineData(BodyShape.Wrapped)]
    [InlineData(BodyShape.TopLevel)]
    public void Outer_status_wins_over_the_nested_one(BodyShape shape)
    {
        var task = Parse("""{"task_id":"t","status":"SUCCESS","data":{"id":"t","status":"RUNNING"}}""", shape);

        Assert.Equal(RunwayTaskStatus.Succeeded, task.Status);
        Assert.Equal("SUCCESS", task.RawStatus);
    }

    [Fact]
    public void Nested_status_is_used_when_the_outer_one_is_missing()
    {
        var task = Parse("""{"task_id":"t","progress":"5%","data":{"id":"t","status":"THROTTLED"}}""");

        Assert.Equal(RunwayTaskStatus.Throttled, task.Status);
        Assert.Equal("THROTTLED", task.RawStatus);
    }

    [Theory]
    [InlineData("""{"task_id":"t","status":"2","video_url":"https://cdn.example/v.mp4"}""", RunwayTaskStatus.Succeeded)]
    [InlineData("""{"task_id":"t","status":"2","data":{"video_url":"https://cdn.example/v.mp4"}}""", RunwayTaskStatus.Succeeded)]
    [InlineData("""{"task_id":"t","status":"2","video_url":""}""", RunwayTaskStatus.Running)]
    [InlineData("""{"task_id":"t","status":"2","video_url":"not a url"}""", RunwayTaskStatus.Running)]
    [InlineData("""{"task_id":"t","status":2,"video_url":"https://cdn.example/v.mp4"}""", RunwayTaskStatus.Succeeded)]
    public void Older_numeric_status_succeeds_only_with_a_video_url(string body, RunwayTaskStatus expected) =>
        Assert.Equal(expected, Parse(body).Status);

    [Theory]
    [InlineData("""{"task_id":"from-body","status":"QUEUED"}""", "from-body")]
    [InlineData("""{"id":"from-body","status":"PENDING"}""", "from-body")]
    [InlineData("""{"status":"QUEUED","progress":"0%","data":{"id":"upstream-id"}}""", RequestedId)]
    [InlineData("""{"task_id":"","status":"QUEUED","progress":"0%"}""", RequestedId)]
    [InlineData("""{"task_id":12345,"status":"QUEUED"}""", "12345")]
    public void Id_comes_from_the_body_or_else_from_the_request(string body, string expected) =>
        Assert.Equal(expected, Parse(body).Id);

    [Fact]
    public void Wrapped_task_whose_code_is_not_success_is_still_read()
    {
        var task = Parse("""{"code":"warning","message":"slow","data":{"task_id":"t","status":"QUEUED"}}""");

        Assert.Equal(RunwayTaskStatus.Pending, task.Status);
    }
}
