// Temporary stand-in until the parser branch lands; replaced wholesale by src/CometRunway.Core/Json/*.
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Json;

public sealed record TaskParseContext(string RequestedId, string? RunwayVersion, Uri? BaseUri, DateTimeOffset RetrievedAt);

public sealed record FeedTaskRequest([property: JsonPropertyName("task_id")] string TaskId);

[JsonSerializable(typeof(FeedTaskRequest))]
internal sealed partial class CometJsonContext : JsonSerializerContext;

internal static class BodyExcerpt
{
    public static string From(ReadOnlySpan<byte> body, int maxChars = 300)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > maxChars ? text[..maxChars] + "…" : text;
    }
}

internal static class ApiErrorBody
{
    public static bool TryRead(ReadOnlySpan<byte> body, out string? code, out string? message)
    {
        code = null;
        message = null;
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                root = error;
            }

            code = root.TryGetProperty("code", out var c) ? c.ToString() : null;
            message = root.TryGetProperty("message", out var m) ? m.ToString() : null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

internal static class RunwayTaskParser
{
    public static RunwayTask Parse(ReadOnlySpan<byte> body, RunwayTaskFormat format, TaskParseContext context)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            if (root.TryGetProperty("code", out var code) && code.ToString() == "task_not_exist")
            {
                throw new RunwayApiException(RunwayErrorKind.TaskNotVisible, "task_not_exist") { TaskId = context.RequestedId };
            }

            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                root = data;
            }

            var status = root.GetProperty("status").GetString();
            var output = root.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Select(u => new Uri(u.GetString()!)).ToArray()
                : Array.Empty<Uri>();
            return new RunwayTask
            {
                Id = context.RequestedId,
                Format = format,
                RawStatus = status,
                Status = status switch
                {
                    "SUCCEEDED" or "SUCCESS" => RunwayTaskStatus.Succeeded,
                    "FAILED" or "FAILURE" => RunwayTaskStatus.Failed,
                    "RUNNING" or "IN_PROGRESS" => RunwayTaskStatus.Running,
                    "PENDING" or "QUEUED" => RunwayTaskStatus.Pending,
                    _ => RunwayTaskStatus.Unknown,
                },
                Output = output,
                RunwayVersion = context.RunwayVersion,
                BaseUri = context.BaseUri,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RunwayApiException(RunwayErrorKind.MalformedResponse, "The response is not a task: " + BodyExcerpt.From(body)) { TaskId = context.RequestedId };
        }
    }
}
