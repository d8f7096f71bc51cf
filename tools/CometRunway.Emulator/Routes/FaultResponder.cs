using System.Globalization;
using System.Text;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Responses;

namespace CometRunway.Emulator.Routes;

/// <summary>Carries out a <see cref="FaultRule"/> on a task-route response.</summary>
internal static class FaultResponder
{
    /// <summary>Waits out the rule's latency; false when the client went away or the emulator is stopping.</summary>
    public static async Task<bool> WaitAsync(HttpContext context, FaultRule fault)
    {
        if (fault.Latency <= TimeSpan.Zero)
        {
            return true;
        }

        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(fault.Latency, linked.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends the fault's own response, if it has one (status, gateway, HTML, redirect).</summary>
    public static async Task<bool> TryRespondAsync(HttpContext context, FaultRule fault, EmulatorState state)
    {
        byte[] body;
        switch (fault.Action)
        {
            case FaultAction.Status:
                body = Encoding.UTF8.GetBytes(fault.Body ?? "");
                break;
            case FaultAction.Gateway:
                body = ErrorBodies.Gateway(fault.Message ?? "error", state.NextRequestId(), fault.ErrorType ?? "comet_api_error", fault.ErrorCode ?? "");
                break;
            case FaultAction.Html:
                body = Encoding.UTF8.GetBytes(fault.Body ?? "");
                break;
            case FaultAction.Redirect:
                context.Response.Headers.Location = fault.Location ?? "/";
                body = [];
                break;
            default:
                return false;
        }

        AddHeaders(context, fault, state.Time);
        context.Response.StatusCode = fault.StatusCode;
        if (body.Length > 0)
        {
            context.Response.ContentType = fault.Action == FaultAction.Gateway ? "application/json" : fault.ContentType;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        return true;
    }

    /// <summary>Writes a normal JSON answer, truncated or cut off by the connection if the fault says so.</summary>
    public static async Task WriteBodyAsync(HttpContext context, int status, byte[] body, FaultRule? fault, EmulatorState state)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (fault is not null)
        {
            AddHeaders(context, fault, state.Time);
        }

        switch (fault?.Action)
        {
            case FaultAction.Truncated:
                var prefix = body.AsMemory(0, body.Length / 2);
                response.ContentLength = prefix.Length;
                await response.Body.WriteAsync(prefix, context.RequestAborted);
                break;
            case FaultAction.Drop:
                context.Abort();
                break;
            case FaultAction.Reset:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                break;
            default:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, context.RequestAborted);
                break;
        }
    }

    private static void AddHeaders(HttpContext context, FaultRule fault, TimeProvider time)
    {
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (fault.RetryAfter is not { } delay)
        {
            return;
        }

        switch (fault.RetryAfterStyle)
        {
            case RetryAfterStyle.Milliseconds:
                context.Response.Headers["retry-after-ms"] = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                break;
            case RetryAfterStyle.HttpDate:
                context.Response.Headers.RetryAfter = (time.GetUtcNow() + delay).ToString("R", CultureInfo.InvariantCulture);
                break;
            default:
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                break;
        }
    }
}
