using System.Text;
using CometRunway.Core.Http;
using CometRunway.Core.Json;
using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

/// <summary>Issue 10.4: the task in an answer must be the one asked for; the ids that legitimately differ still do.</summary>
public sealed class TaskIdentityTests
{
    private static RunwayTask ParseAsked(string askedId, string body, RunwayTaskFormat format = RunwayTaskFormat.Feed) =>
        RunwayTaskParser.Parse(Encoding.UTF8.GetBytes(body), format, Context with { RequestedId = askedId });

    [Theory]
    [InlineData("""{"id":"other","status":"PENDING"}""", RunwayTaskFormat.Official)]
    [InlineData("""{"task_id":"other","status":"QUEUED"}""", RunwayTaskFormat.Feed)]
    [InlineData("""{"code":"success","message":"","data":{"task_id":"other","status":"SUCCESS","data":{"id":"h4"}}}""", RunwayTaskFormat.Feed)]
    [InlineData("""{"code":"success","data":{"id":"other","status":"RUNNING"}}""", RunwayTaskFormat.Official)]
    public void AnotherTaskThanTheOneAskedForIsAMalformedResponseNamingBoth(string body, RunwayTaskFormat format)
    {
        var error = Assert.Throws<RunwayApiException>(() => ParseAsked("h4", body, format));

        Assert.Equal(RunwayErrorKind.MalformedResponse, error.Kind);
        Assert.Contains("answered the request for task 'h4' with task 'other'", error.Message);
        Assert.Equal("h4", error.TaskId);
        Assert.Contains("other", error.BodyExcerpt);
    }

    [Theory]
    [InlineData("h4", """{"code":"success","data":{"task_id":"h4","status":"IN_PROGRESS","data":{"id":"3d957031-provider-id","status":"RUNNING"}}}""", "h4")]
    [InlineData("h4", """{"task_id":"h4","status":"QUEUED","data":{"id":"upstream"}}""", "h4")]
    [InlineData("h4", """{"status":"QUEUED","progress":"0%","data":{"id":"upstream"}}""", "h4")]
    [InlineData("h4", """{"id":"H4","status":"PENDING"}""", "H4")]
    [InlineData("4", """{"task_id":4,"status":"QUEUED"}""", "4")]
    public void TheNestedProviderIdAMissingIdAndCaseMayDiffer(string askedId, string body, string expectedId) =>
        Assert.Equal(expectedId, ParseAsked(askedId, body).Id);
}
