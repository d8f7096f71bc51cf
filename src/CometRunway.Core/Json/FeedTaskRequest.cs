using System.Text.Json.Serialization;

namespace CometRunway.Core.Json;

/// <summary>The body of <c>POST /runway/feed</c>.</summary>
internal sealed record FeedTaskRequest([property: JsonPropertyName("task_id")] string TaskId);
