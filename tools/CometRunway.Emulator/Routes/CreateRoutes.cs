using System.Text.Json;
using CometRunway.Emulator.Creating;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Responses;

namespace CometRunway.Emulator.Routes;

/// <summary>
/// The create routes: <c>POST /runwayml/v1/{image_to_video,text_to_image,video_to_video,video_upscale,character_performance}</c>
/// and <c>POST /runway/pro/{generate,video2video,act_one}</c>. A good request makes a task in the store (pollable on
/// both task routes) and is logged in <see cref="EmulatorState.Created"/>; a refused one makes nothing.
/// </summary>
internal static class CreateRoutes
{
    public static void MapCreateRoutes(this IEndpointRouteBuilder routes, EmulatorState state)
    {
        foreach (var spec in CreateRouteSpec.All)
        {
            routes.MapPost(spec.Path, (HttpContext context) => HandleAsync(context, state, spec));
        }
    }

    private static async Task HandleAsync(HttpContext context, EmulatorState state, CreateRouteSpec spec)
    {
        var body = await RequestBody.ReadAsync(context);
        var fault = state.Faults.Take(FaultRoute.Create, taskId: null);
        if (fault is { ReplacesAnswer: true, CreatesTask: false })
        {
            // A proxy in front answered for the API: nothing was made.
            if (await FaultResponder.WaitAsync(context, fault))
            {
                await FaultResponder.TryRespondAsync(context, fault, state);
            }

            return;
        }

        var (status, payload) = Answer(context, state, spec, body);
        if (fault is not null
            && (!await FaultResponder.WaitAsync(context, fault) || await FaultResponder.TryRespondAsync(context, fault, state)))
        {
            // The task (if the request was good) exists; the client heard late, differently, or nothing.
            return;
        }

        await FaultResponder.WriteBodyAsync(context, status, payload, fault, state);
    }

    private static (int Status, byte[] Body) Answer(HttpContext context, EmulatorState state, CreateRouteSpec spec, string body)
    {
        if (!ApiKeyCheck.IsAuthorized(context, state.Options.ApiKey))
        {
            return ApiKeyCheck.Unauthorized(state);
        }

        var settings = state.CreateSettings;
        if (spec.Official && settings.RequireRunwayVersion && string.IsNullOrWhiteSpace(context.Request.Headers["X-Runway-Version"]))
        {
            return Refuse(spec, settings, state, new Refusal(Refusal.MissingRunwayVersion, "X-Runway-Version",
                "The X-Runway-Version header is required, e.g. X-Runway-Version: 2024-11-06."));
        }

        using var document = ParseObject(body);
        if (document is null)
        {
            return Refuse(spec, settings, state, new Refusal(Refusal.InvalidRequest, "", "The request body must be a JSON object."));
        }

        var root = document.RootElement;
        var check = new BodyCheck(root, settings);
        if (!spec.Official)
        {
            check.CallbackUrl();
        }

        spec.Check(check);
        if (check.Problem is { } problem)
        {
            return Refuse(spec, settings, state, problem);
        }

        var id = Guid.NewGuid().ToString();
        state.Tasks.Add(CreatedTaskScript.For(id, spec, root, settings));
        state.Created.Add(new CreatedTaskRecord(
            state.Time.GetUtcNow(), id, spec.Path, CreatedTaskScript.Text(root, "model"), CreatedTaskScript.PromptOf(root),
            state.Options.RecordRequests ? body : ""));
        return (StatusCodes.Status200OK, spec.Official
            ? CreateBodies.OfficialCreated(id)
            : CreateBodies.CompatibilityCreated(id, older: settings.Envelope switch
            {
                EnvelopeStyle.Older => true,
                EnvelopeStyle.Alternating => state.Created.NextIsOlder(),
                _ => false,
            }));
    }

    /// <summary>Official routes: HTTP 400 with a gateway error naming the field. Compatibility routes: the wrapper's envelope.</summary>
    private static (int Status, byte[] Body) Refuse(CreateRouteSpec spec, CreateSettings settings, EmulatorState state, Refusal refusal) =>
        spec.Official
            ? (StatusCodes.Status400BadRequest, ErrorBodies.Gateway(refusal.Message, state.NextRequestId(), "invalid_request_error", refusal.Code, refusal.Field))
            : (settings.RefusalsInsideOk ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, CreateBodies.CompatibilityRefused(refusal.Message));

    private static JsonDocument? ParseObject(string body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
