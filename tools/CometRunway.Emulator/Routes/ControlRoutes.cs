using System.Text.Json.Nodes;
using CometRunway.Emulator.Control;

namespace CometRunway.Emulator.Routes;

/// <summary>
/// <c>/_emulator/*</c>: drive a running emulator over HTTP (no auth; it only listens on loopback).
/// </summary>
internal static class ControlRoutes
{
    public const string Prefix = "/_emulator";

    public static bool IsControlPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void MapControlRoutes(this IEndpointRouteBuilder routes, EmulatorState state)
    {
        var control = routes.MapGroup(Prefix);

        control.MapPost("/tasks", (HttpContext context) => AcceptAsync(context, "task", json =>
        {
            var task = TaskJson.Parse(json);
            state.Tasks.Add(task);
            return new JsonObject { ["added"] = task.Id };
        }));

        control.MapGet("/tasks", () => Results.Json(state.Tasks.Ids.Order(StringComparer.Ordinal).Select(id => state.Tasks.View(id)).OfType<Tasks.TaskView>()
            .Select(view => new { id = view.Task.Id, state = view.State.ToString(), visible = view.IsVisible, elapsedSeconds = Math.Round(view.Elapsed.TotalSeconds, 1) })));

        control.MapPost("/faults", (HttpContext context) => AcceptAsync(context, "fault", json =>
        {
            var rule = FaultJson.Parse(json);
            state.Faults.Add(rule);
            return new JsonObject { ["added"] = json["kind"]?.DeepClone(), ["activeRules"] = state.Faults.Count };
        }));

        control.MapGet("/requests", () => Results.Json(state.Recorder.Snapshot()));

        control.MapGet("/create-settings", () => Results.Json(CreateSettingsJson.Write(state.CreateSettings)));

        control.MapPost("/create-settings", (HttpContext context) => AcceptAsync(context, "settings", json =>
        {
            state.CreateSettings = CreateSettingsJson.Apply(state.CreateSettings, json);
            return CreateSettingsJson.Write(state.CreateSettings);
        }));

        control.MapGet("/created", () =>
        {
            var created = state.Created.Snapshot();
            return Results.Json(new { count = created.Count, tasks = created });
        });

        control.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.Json(new { reset = true });
        });
    }

    private static async Task AcceptAsync(HttpContext context, string what, Func<JsonObject, JsonObject> accept)
    {
        var body = await RequestBody.ReadAsync(context);
        IResult result;
        try
        {
            result = Results.Json(accept(JsonFields.ParseObject(body, what)));
        }
        catch (ControlJsonException e)
        {
            result = Results.Json(new { error = new { message = e.Message, type = "invalid_request_error", param = "", code = "invalid_" + what } },
                statusCode: StatusCodes.Status400BadRequest);
        }

        await result.ExecuteAsync(context);
    }
}
