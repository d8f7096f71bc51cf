using System.Text;
using CometRunway.Core.Json;

namespace CometRunway.Core.Tests.Json;

public sealed class ApiErrorBodyTests
{
    [Theory]
    [InlineData("""{"code":"task_not_exist","message":"task_not_exist","data":null}""", "task_not_exist", "task_not_exist")]
    [InlineData("""{"error":{"message":"Invalid token (request id: 20260313)","type":"comet_api_error","param":"","code":"invalid_token"}}""", "invalid_token", "Invalid token (request id: 20260313)")]
    [InlineData("""{"error":{"message":"quota used up","type":"insufficient_user_quota","param":"","code":""}}""", "insufficient_user_quota", "quota used up")]
    [InlineData("""{"error":{"message":"upstream","type":"upstream_error","param":"","code":502}}""", "502", "upstream")]
    [InlineData("""{"error":{"message":"no code","type":"new_api_error","param":""}}""", "new_api_error", "no code")]
    [InlineData("""{"error":{"message":"only message"}}""", null, "only message")]
    [InlineData("""{"error":"plain string error"}""", null, "plain string error")]
    [InlineData("""{"message":"Not Found"}""", null, "Not Found")]
    [InlineData("""{"code":400,"msg":"bad request"}""", "400", "bad request")]
    [InlineData("""{"detail":"Method Not Allowed"}""", null, "Method Not Allowed")]
    [InlineData("""  {"code":"insufficient_user_quota"}  """, "insufficient_user_quota", null)]
    public void Reads_each_error_envelope(string body, string? expectedCode, string? expectedMessage)
    {
        Assert.True(ApiErrorBody.TryRead(Encoding.UTF8.GetBytes(body), out var code, out var message));
        Assert.Equal(expectedCode, code);
        Assert.Equal(expectedMessage, message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("Bad Gateway")]
    [InlineData("{\"code\":")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"data":{"task_id":"t"}}""")]
    [InlineData("""{"error":{},"message":""}""")]
    public void Returns_false_for_anything_else(string body)
    {
        Assert.False(ApiErrorBody.TryRead(Encoding.UTF8.GetBytes(body), out var code, out var message));
        Assert.Null(code);
        Assert.Null(message);
    }

    [Theory]
    [InlineData("task_not_exist", null, true)]
    [InlineData(null, "task_not_exist", true)]
    [InlineData("Task_Not_Exist", "", true)]
    [InlineData("invalid_request", "task not exist yet", true)]
    [InlineData("invalid_request", "bad model", false)]
    [InlineData(null, null, false)]
    public void Recognizes_task_not_exist(string? code, string? message, bool expected) =>
        Assert.Equal(expected, ApiErrorBody.IsTaskNotExist(code, message));

    [Theory]
    [InlineData("insufficient_user_quota", null, true)]
    [InlineData(null, "user quota is not enough", true)]
    [InlineData("pre_consume_token_quota_failed", "", true)]
    [InlineData("rate_limit", "Too many requests, please retry", false)]
    [InlineData(null, null, false)]
    public void Recognizes_quota_exhaustion(string? code, string? message, bool expected) =>
        Assert.Equal(expected, ApiErrorBody.IsQuotaExhausted(code, message));
}
