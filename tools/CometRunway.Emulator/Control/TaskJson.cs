using System.Text.Json;
using System.Text.Json.Nodes;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator.Control;

/// <summary>
/// Reads an <see cref="EmulatedTask"/> from the body of <c>POST /_emulator/tasks</c>. Times are in seconds:
/// <code>
/// {"id":"t1","succeedsAfterSeconds":10}
/// {"id":"t2","timeline":[{"atSeconds":0,"state":"Pending"},{"atSeconds":3,"state":"Running","progress":0.5},
///   {"atSeconds":6,"state":"Failed"}],"failure":"bad","failureCode":"INTERNAL.BAD_OUTPUT.CODE01"}
/// {"id":"t3","neverVisible":true}  {"id":"t4","visibleAfterSeconds":5,"notExistInsideOk":true,"shape":"Flat"}
/// </code>
/// </summary>
internal static class TaskJson
{
    public static EmulatedTask Parse(JsonObject json)
    {
        var fields = new JsonFields(json, "task");
        var id = fields.RequiredString("id");
        var visibleAfter = fields.Bool("neverVisible") == true ? TimeSpan.MaxValue : fields.Seconds("visibleAfterSeconds") ?? TimeSpan.Zero;

        return new EmulatedTask
        {
            Id = id,
            Action = fields.String("action") ?? EmulatedTask.DefaultAction,
            Timeline = Timeline(fields),
            Output = fields.Array("output")?.Select((node, i) => node is JsonValue v && v.TryGetValue<string>(out var url)
                ? url
                : throw new ControlJsonException($"task: \"output[{i}]\" must be a URL string.")).ToArray(),
            Assets = fields.StringMap("assets"),
            FailureReason = fields.String("failure"),
            FailureCode = fields.String("failureCode"),
            VisibleAfter = visibleAfter,
            NotExistInsideOk = fields.Bool("notExistInsideOk") ?? false,
            Shape = fields.Enum<ResponseShape>("shape"),
            UseLegacyVideoUrl = fields.Bool("useLegacyVideoUrl") ?? false,
            Extra = (fields.Object("extra") ?? []).ToDictionary(p => p.Key, p => (object?)p.Value?.Deserialize<JsonElement>()),
            CreatedAt = fields.String("createdAt") is { } created
                ? DateTimeOffset.TryParse(created, out var at) ? at : throw new ControlJsonException($"task: \"createdAt\" is not a date: \"{created}\".")
                : null,
        };
    }

    private static IReadOnlyList<TimelineStep> Timeline(JsonFields fields)
    {
        if (fields.Seconds("succeedsAfterSeconds") is { } after)
        {
            return EmulatedTask.SucceedsAfter("-", after).Timeline;
        }

        var steps = new List<TimelineStep>();
        foreach (var (node, index) in (fields.Array("timeline") ?? []).Select((node, index) => (node, index)))
        {
            var step = new JsonFields(node as JsonObject ?? throw new ControlJsonException($"task: \"timeline[{index}]\" must be an object."), $"task timeline[{index}]");
            var rawStatus = step.String("rawStatus");
            var state = step.Enum<EmulatedState>("state")
                ?? (rawStatus is null
                    ? throw new ControlJsonException($"task timeline[{index}]: \"state\" is required (Pending, Throttled, Running, Succeeded, Failed, Cancelled) unless \"rawStatus\" is given.")
                    : EmulatedState.Running);
            steps.Add(new TimelineStep(
                step.Seconds("atSeconds") ?? TimeSpan.Zero,
                state,
                step.Number("progress") ?? (state == EmulatedState.Succeeded ? 1 : 0),
                rawStatus,
                step.Bool("omitOutput") ?? false));
        }

        return steps.OrderBy(s => s.At).ToArray();
    }
}
