using System.Text.Json;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Responses;

namespace CometRunway.Emulator.Routes;

/// <summary><c>GET /runwayml/v1/tasks/{id}</c> and <c>POST /runway/feed</c>.</summary>
internal static class TaskRoutes
{
    public const string OfficialPrefix = "/runwayml/v1/tasks/";
    public const string FeedPath = "/runway/feed";

    public static void MapTaskRoutes(this IEndpointRouteBuilder routes, EmulatorState state)
    {
        routes.MapGet(OfficialPrefix + "{id}", (HttpContext context) => HandleAsync(context, state, FaultRoute.Official));
        routes.MapPost(FeedPath, (HttpContext context) => HandleAsync(context, state, FaultRoute.Feed));
    }

    private static async Task HandleAsync(HttpContext context, EmulatorState state, FaultRoute route)
    {
        var body = await RequestBody.ReadAsync(context);
        var taskId = route == FaultRoute.Feed ? FeedTaskId(body) : OfficialTaskId(context);

        var fault = state.Faults.Take(route, taskId);
        if (fault is not null)
        {
            if (!await FaultResponder.WaitAsync(context, fault))
            {
                return;
            }

            if (await FaultResponder.TryRespondAsync(context, fault, state))
            {
                return;
            }
        }

        var (status, payload) = Answer(context, state, route, taskId);
        await FaultResponder.WriteBodyAsync(context, status, payload, fault, state);
    }

    private static (int Status, byte[] Body) Answer(HttpContext context, EmulatorState state, FaultRoute route, string? taskId)
    {
        if (!ApiKeyCheck.IsAuthorized(context, state.Options.ApiKey))
        {
            return ApiKeyCheck.Unauthorized(state);
        }

        if (taskId is null)
        {
            return (StatusCodes.Status400BadRequest, ErrorBodies.Gateway(
                "Invalid request body: expected a JSON object with a non-empty string \"task_id\"",
                state.NextRequestId(), "invalid_request_error", "invalid_request", "task_id"));
        }

        var view = state.ViewTask(taskId);
        if (view is null || !view.IsVisible)
        {
            var insideOk = view?.Task.NotExistInsideOk ?? false;
            return (insideOk ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, ErrorBodies.TaskNotExist());
        }

        var request = context.Request;
        var baseUri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        return (StatusCodes.Status200OK, TaskBodies.Render(view, route, baseUri));
    }

    /// <summary>The id from the raw target, so any escaping the client used is undone exactly once.</summary>
    private static string? OfficialTaskId(HttpContext context)
    {
        var rawTarget = RequestRecording.RawTarget(context);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var segment = rawPath[(rawPath.LastIndexOf('/') + 1)..];
        try
        {
            var id = Uri.UnescapeDataString(segment);
            return id.Length == 0 ? null : id;
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }

    private static string? FeedTaskId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("task_id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
