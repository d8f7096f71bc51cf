using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>Tells a task object from an envelope by its content, whichever route it came from.</summary>
internal static class TaskShape
{
    private static readonly string[] StatusCompanions =
    [
        "id", "action", "fail_reason", "submit_time", "start_time", "finish_time", "progress", "result_url",
        "createdAt", "output", "failure", "failureCode", "video_url",
    ];

    /// <summary>
    /// A task has a <c>task_id</c> (feed), or a <c>status</c> together with an <c>id</c> or another task field
    /// (Runway, or a feed task without its id). A lone <c>status</c> such as <c>{"status":"error"}</c> is not one.
    /// </summary>
    public static bool IsTask(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (JsonFields.Text(obj, "task_id") is not null)
        {
            return true;
        }

        return JsonFields.Has(obj, "status") && StatusCompanions.Any(name => JsonFields.Has(obj, name));
    }
}
