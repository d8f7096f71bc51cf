using CometRunway.Emulator.Recording;
using Microsoft.AspNetCore.Http.Features;

namespace CometRunway.Emulator.Routes;

/// <summary>Records every request except the control endpoints', before any route or fault sees it.</summary>
internal static class RequestRecording
{
    public static IApplicationBuilder UseRequestRecording(this IApplicationBuilder app, EmulatorState state) =>
        app.Use(async (context, next) =>
        {
            if (state.Options.RecordRequests && !ControlRoutes.IsControlPath(context.Request.Path))
            {
                state.Recorder.Add(await RecordAsync(context, state.Time));
            }

            await next(context);
        });

    public static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget
        ?? context.Request.PathBase + context.Request.Path + context.Request.QueryString;

    private static async Task<RecordedRequest> RecordAsync(HttpContext context, TimeProvider time)
    {
        var timestamp = time.GetUtcNow();
        var rawTarget = RawTarget(context);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];

        var headers = new Dictionary<string, string>(context.Request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        var body = await RequestBody.ReadAsync(context);
        return new RecordedRequest(timestamp, context.Request.Method, Decode(rawPath), rawTarget, query, headers, body);
    }

    private static string Decode(string rawPath)
    {
        try
        {
            return Uri.UnescapeDataString(rawPath);
        }
        catch (UriFormatException)
        {
            return rawPath;
        }
    }
}
