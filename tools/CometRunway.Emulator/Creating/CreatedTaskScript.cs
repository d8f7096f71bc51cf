using System.Text.Json;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator.Creating;

/// <summary>The script a created task follows: invisible for a while, then queued, running, and succeeded (or failed).</summary>
internal static class CreatedTaskScript
{
    public const string FailureReason = "The prompt was flagged by content moderation.";
    public const string FailureCode = "SAFETY.INPUT.TEXT";

    public static EmulatedTask For(string id, CreateRouteSpec spec, JsonElement body, CreateSettings settings)
    {
        var marker = settings.FailureMarker;
        var fails = marker.Length > 0 && PromptOf(body)?.Contains(marker, StringComparison.Ordinal) == true;
        var task = fails
            ? EmulatedTask.Fails(id, FailureReason, FailureCode, settings.RunsFor)
            : EmulatedTask.SucceedsAfter(id, settings.RunsFor);
        return task with
        {
            Action = spec.Action(body),
            Timeline = task.Timeline.Select(step => step with { At = step.At + settings.VisibleAfter }).ToArray(),
            VisibleAfter = settings.VisibleAfter,
            Output = [$"files/{Uri.EscapeDataString(id)}.{spec.OutputExtension}"],
        };
    }

    public static string? PromptOf(JsonElement body) => Text(body, "promptText") ?? Text(body, "prompt");

    public static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
