using System.Text;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

public sealed class MalformedResponseTests
{
    private const string HtmlPage = """
        <!DOCTYPE html>
        <html><head><title>301 Moved Permanently</title></head>
        <body><h1>Moved Permanently</h1><p>The document has moved <a href="https://www.cometapi.com/">here</a>.</p></body></html>
        """;

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { HtmlPage, "HTML" },
        { "", "empty" },
        { "  \r\n\t ", "empty" },
        { """{"code":"success","data":{"task_id":"t","status":"QU""", "not valid JSON" },
        { """{"task_id":"t","status":"QUEUED",""", "not valid JSON" },
        { "[]", "array" },
        { """[{"task_id":"t","status":"QUEUED"}]""", "array" },
        { "null", "null" },
        { "\"SUCCESS\"", "string" },
        { "42", "number" },
        { "true", "boolean" },
        { "{}", "without task fields" },
        { """{"status":"error"}""", "without task fields" },
        { """{"id":"only-an-id"}""", "without task fields" },
        { """{"error":{"message":"Invalid token (request id: 2026031309)","type":"comet_api_error","param":"","code":"invalid_token"}}""", "Invalid token" },
        { """{"error":{"message":"boom","type":"upstream_error","param":"","code":500}}""", "code 500" },
        { """{"code":"fail","message":"upstream timeout","data":null}""", "code 'fail'" },
        { """{"code":500,"msg":"internal","data":{}}""", "code '500'" },
        { """{"code":"success","message":"","data":null}""", "success wrapper without a task" },
        { """{"code":"success","message":"","data":"3d957031"}""", "success wrapper without a task" },
        { "OK", "not valid JSON" },
        { "task_id=abc&status=QUEUED", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void Gives_MalformedResponse_saying_what_was_expected_and_quoting_the_body(string body, string reasonFragment)
    {
        foreach (var route in Routes)
        {
            var error = ParseFails(body, route);

            Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
            Assert.Contains("where a Runway task in JSON was expected", error.Message);
            Assert.Contains(route == RunwayTaskFormat.Feed ? "/runway/feed" : "/runwayml/v1/tasks", error.Message);
            Assert.Contains(reasonFragment, error.Message);
            Assert.NotNull(error.BodyExcerpt);
            Assert.Contains(error.BodyExcerpt!, error.Message);
            Assert.Null(error.InnerException);
            Assert.DoesNotContain("\n", error.Message);
            Assert.DoesNotContain("Exception", error.Message);
        }
    }

    [Fact]
    public void Html_is_quoted_as_text_on_one_line()
    {
        var error = ParseFails(HtmlPage);

        Assert.StartsWith("<!DOCTYPE html> <html><head><title>301 Moved Permanently</title>", error.BodyExcerpt);
        Assert.Contains("Body: \"<!DOCTYPE html>", error.Message);
    }

    [Fact]
    public void Empty_body_says_so()
    {
        var error = ParseFails(Array.Empty<byte>());

        Assert.Equal("", error.BodyExcerpt);
        Assert.Contains("sent an empty body", error.Message);
    }

    [Fact]
    public void Gateway_error_code_is_kept_as_server_code()
    {
        var error = ParseFails("""{"error":{"message":"bad","type":"comet_api_error","param":"","code":"invalid_request"}}""");

        Assert.Equal("invalid_request", error.ServerCode);
    }

    [Fact]
    public void A_10_KB_body_gives_a_bounded_excerpt()
    {
        var body = "<html><body>" + new string('x', 10_000) + "</body></html>";

        var error = ParseFails(body);

        Assert.Equal(301, error.BodyExcerpt!.Length);
        Assert.EndsWith("…", error.BodyExcerpt);
        Assert.True(error.Message.Length < 800, $"message is {error.Message.Length} chars");
    }

    [Fact]
    public void A_large_truncated_json_body_gives_a_bounded_excerpt()
    {
        var body = """{"task_id":"t","status":"SUCCESS","output":[""" + string.Join(",", Enumerable.Repeat("\"https://a.example/x.mp4\"", 500));

        var error = ParseFails(body);

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.True(error.BodyExcerpt!.Length <= 301);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x7B })]
    [InlineData(new byte[] { 0xC3, 0x28, 0xA0, 0xA1 })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Binary_or_invalid_utf8_bodies_give_MalformedResponse(byte[] body)
    {
        var error = ParseFails(body);

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public void Json_nested_beyond_the_depth_limit_gives_MalformedResponse()
    {
        var body = """{"task_id":"t","status":"QUEUED","deep":""" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(RunwayErrorKind.MalformedResponse, ParseFails(body).Kind);
    }

    [Fact]
    public void A_utf8_bom_is_tolerated()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"id":"t","status":"PENDING"}""")];

        var task = Core.Json.RunwayTaskParser.ReadAnyTask(body, RunwayTaskFormat.Official, Context);

        Assert.Equal(RunwayTaskStatus.Pending, task.Status);
    }
}
