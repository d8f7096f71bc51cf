using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>Tasks and errors for scripted answers.</summary>
internal static class TaskAnswers
{
    public static RunwayTask Pending(string id) => Make(id, RunwayTaskStatus.Pending, "PENDING");

    public static RunwayTask Running(string id, double? progress = null) => Make(id, RunwayTaskStatus.Running, "RUNNING", progress);

    public static RunwayTask Unknown(string id, string raw) => Make(id, RunwayTaskStatus.Unknown, raw);

    public static RunwayTask Succeeded(string id) =>
        Make(id, RunwayTaskStatus.Succeeded, "SUCCEEDED", 100, new Uri($"https://cdn.example.test/{id}.mp4"));

    public static RunwayTask SucceededWithoutOutput(string id) => Make(id, RunwayTaskStatus.Succeeded, "SUCCEEDED", 100);

    public static RunwayTask Failed(string id, string? reason = "Moderation", string? code = "SAFETY.INPUT.TEXT") => new()
    {
        Id = id,
        Format = RunwayTaskFormat.Official,
        Status = RunwayTaskStatus.Failed,
        RawStatus = "FAILED",
        FailureReason = reason,
        FailureCode = code,
    };

    public static RunwayTask Cancelled(string id) => Make(id, RunwayTaskStatus.Cancelled, "CANCELLED");

    public static RunwayApiException NotVisible(string id) =>
        new(RunwayErrorKind.TaskNotVisible, $"Task {id} is not visible yet (task_not_exist).") { TaskId = id, ServerCode = "task_not_exist" };

    public static RunwayApiException RateLimited(TimeSpan? retryAfter) =>
        new(RunwayErrorKind.RateLimited, "HTTP 429 Too Many Requests.") { StatusCode = System.Net.HttpStatusCode.TooManyRequests, RetryAfter = retryAfter };

    public static RunwayApiException Error(RunwayErrorKind kind, string message = "scripted failure") => new(kind, message);

    private static RunwayTask Make(string id, RunwayTaskStatus status, string raw, double? progress = null, Uri? output = null) => new()
    {
        Id = id,
        Format = RunwayTaskFormat.Official,
        Status = status,
        RawStatus = raw,
        Progress = progress,
        Output = output is null ? Array.Empty<Uri>() : new[] { output },
    };
}
