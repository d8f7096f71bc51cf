using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

public sealed class OutputAndFailureTests
{
    [Theory]
    [InlineData(BodyShape.Wrapped, RunwayTaskFormat.Feed)]
    [InlineData(BodyShape.TopLevel, RunwayTaskFormat.Feed)]
    [InlineData(BodyShape.WrappedNumericCode, RunwayTaskFormat.Official)]
    [InlineData(BodyShape.TopLevel, RunwayTaskFormat.Official)]
    public void Output_follows_the_documented_order_without_duplicates(BodyShape shape, RunwayTaskFormat route)
    {
        const string Task = """
            {"task_id":"t","status":"SUCCESS",
             "output":["https://a.example/1.mp4","https://a.example/2.mp4","https://a.example/1.mp4"],
             "result_url":"https://a.example/result.mp4",
             "video_url":"https://a.example/outer-video.mp4",
             "poster":"https://a.example/poster.jpg",
             "data":{"output":["https://a.example/2.mp4","https://a.example/nested.mp4"],
                     "video_url":"https://a.example/nested-video.mp4",
                     "poster":"https://a.example/nested-poster.jpg",
                     "last_frame":"https://a.example/last.jpg"}}
            """;

        var task = Parse(Task, shape, route);

        Assert.Equal(
            [
                "https://a.example/1.mp4", "https://a.example/2.mp4", "https://a.example/result.mp4",
                "https://a.example/nested.mp4", "https://a.example/outer-video.mp4", "https://a.example/nested-video.mp4",
            ],
            task.Output.Select(u => u.AbsoluteUri));
        Assert.Equal(
            ["https://a.example/poster.jpg", "https://a.example/nested-poster.jpg", "https://a.example/last.jpg"],
            task.Assets.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("""["ftp://a.example/x.mp4","/relative.mp4","not a url","",null,42,{"no":"url"},"https://a.example/ok.mp4"]""")]
    [InlineData("""[{"url":"https://a.example/ok.mp4"},{"url":"javascript:alert(1)"}]""")]
    [InlineData("\"https://a.example/ok.mp4\"")]
    [InlineData("""{"url":"https://a.example/ok.mp4"}""")]
    [InlineData("""["  https://a.example/ok.mp4  ", "HTTPS://A.EXAMPLE/ok.mp4"]""")]
    public void Only_absolute_web_urls_are_kept_and_odd_entries_are_ignored(string outputJson)
    {
        var task = Parse($$"""{"id":"t","status":"SUCCEEDED","output":{{outputJson}}}""", RunwayTaskFormat.Official);

        Assert.Equal(["https://a.example/ok.mp4"], task.Output.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("""{"task_id":"t","status":"SUCCESS","output":"nope","result_url":123,"video_url":{"x":1},"poster":[]}""")]
    [InlineData("""{"task_id":"t","status":"SUCCESS","output":[[["https://a.example/deep.mp4"]]]}""")]
    [InlineData("""{"task_id":"t","status":"SUCCESS","data":"not an object"}""")]
    public void Output_of_the_wrong_type_is_ignored_without_error(string body)
    {
        var task = Parse(body);

        Assert.Empty(task.Output);
        Assert.Empty(task.Assets);
        Assert.Equal(RunwayTaskStatus.Succeeded, task.Status);
    }

    [Fact]
    public void An_asset_that_is_also_an_output_is_listed_once()
    {
        var task = Parse("""{"task_id":"t","status":"SUCCESS","video_url":"https://a.example/v.mp4","last_frame":"https://a.example/v.mp4","poster":"https://a.example/p.jpg"}""");

        Assert.Equal(["https://a.example/v.mp4"], task.Output.Select(u => u.AbsoluteUri));
        Assert.Equal(["https://a.example/p.jpg"], task.Assets.Select(u => u.AbsoluteUri));
    }

    [Theory]
    [InlineData("""{"task_id":"t","status":"FAILURE","fail_reason":"content moderated"}""", "content moderated", null)]
    [InlineData("""{"id":"t","status":"FAILED","failure":"Output was flagged","failureCode":"SAFETY.OUTPUT.VIDEO"}""", "Output was flagged", "SAFETY.OUTPUT.VIDEO")]
    [InlineData("""{"task_id":"t","status":"FAILURE","fail_reason":"","data":{"status":"FAILED","failure":"nested reason","failureCode":"INTERNAL.BAD_OUTPUT.CODE01"}}""", "nested reason", "INTERNAL.BAD_OUTPUT.CODE01")]
    [InlineData("""{"task_id":"t","status":"FAILURE","fail_reason":"outer","data":{"failure":"nested"}}""", "outer", null)]
    [InlineData("""{"task_id":"t","status":"SUCCESS","fail_reason":"","data":{"failure":"","failureCode":""}}""", null, null)]
    [InlineData("""{"task_id":"t","status":"FAILURE","fail_reason":null,"failureCode":"   "}""", null, null)]
    [InlineData("""{"task_id":"t","status":"FAILURE","fail_reason":{"detail":"odd"}}""", """{"detail":"odd"}""", null)]
    public void Failure_reason_and_code_come_from_either_vocabulary(string body, string? reason, string? code)
    {
        var task = Parse(body);

        Assert.Equal(reason, task.FailureReason);
        Assert.Equal(code, task.FailureCode);
    }

    [Theory]
    [InlineData("""{"task_id":"t","status":"QUEUED","action":"IMAGE_TO_VIDEO","data":{"taskType":"gen4_turbo"}}""", "IMAGE_TO_VIDEO")]
    [InlineData("""{"task_id":"t","status":"QUEUED","data":{"taskType":"gen4_turbo"}}""", "gen4_turbo")]
    [InlineData("""{"task_id":"t","status":"QUEUED","data":{"action":"VIDEO_TO_VIDEO"}}""", "VIDEO_TO_VIDEO")]
    [InlineData("""{"id":"t","status":"PENDING","taskType":"text_to_image"}""", "text_to_image")]
    [InlineData("""{"task_id":"t","status":"QUEUED","action":""}""", null)]
    public void Action_comes_from_the_outer_action_or_the_task_type(string body, string? expected) =>
        Assert.Equal(expected, Parse(body).Action);
}
