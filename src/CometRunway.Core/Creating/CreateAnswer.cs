using System.Net;
using System.Text.Json;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Json;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Creating;

/// <summary>
/// Reads a create's answer: the task id of <c>{"id"}</c> or of either compatibility envelope
/// (<c>{code, msg, data.task_id}</c>), or the error it means, with whether a task may exist.
/// </summary>
internal sealed class CreateAnswer(CreateRequest request, Uri requestUri, ApiKey key)
{
    public const string MayExistAdvice =
        "The task may exist (and be charged): look for it in the CometAPI console's task list before creating it again. " +
        "It was not retried automatically, so it was not created twice.";

    private string RouteName => request.Route.Name;

    private string Host => requestUri.GetLeftPart(UriPartial.Authority);

    /// <summary>The task id of a success; otherwise throws the error the answer means.</summary>
    public string Read(ApiAnswer answer)
    {
        var (status, body) = (answer.Status, answer.Body);
        var code = (int)status;
        var statusText = answer.StatusText;
        if (answer.IsSuccess)
        {
            return answer.End == AnswerEnd.Complete
                ? TaskIdOf(status, statusText, body)
                : throw Unknown(status, $"CometAPI answered {statusText} to the {RouteName} request, but the answer broke off before its end.", body);
        }

        ApiErrorBody.TryRead(body, out var serverCode, out var serverMessage, key);
        var said = serverMessage is { Length: > 0 } ? $": {serverMessage}" : "";
        return code switch
        {
            401 or 403 => throw Error(CreateErrorKind.Authentication, status, serverCode, serverMessage, body,
                $"CometAPI rejected the API key ({statusText}){said}. No task was created. Check the key given by -ApiKey, Connect-CometApi or COMETAPI_KEY."),
            429 when ApiErrorBody.IsQuotaExhausted(serverCode, serverMessage) => throw Error(CreateErrorKind.QuotaExhausted, status, serverCode, serverMessage, body,
                $"CometAPI reports the account's quota is exhausted ({statusText}){said}. No task was created; top up the account, retrying will not help."),
            429 => throw Error(CreateErrorKind.RateLimited, status, serverCode, serverMessage, body,
                $"CometAPI is rate limiting creates ({statusText}){said}. No task was created; try again later.",
                retryAfter: answer.RetryAfter),
            408 => throw Unknown(status, $"The server timed out reading the {RouteName} request ({statusText}).", body),
            >= 300 and < 400 => throw Error(CreateErrorKind.Refused, status, serverCode, serverMessage, body,
                $"The server answered {statusText}, redirecting to '{ServerText.Cap(answer.Location?.ToString(), key)}'. No task was created. CometAPI does not redirect API calls; check the base address (-BaseUri or COMETAPI_BASE_URL)."),
            404 => throw Error(CreateErrorKind.Refused, status, serverCode, serverMessage, body,
                $"There is no {request.Route} at {Host} ({statusText}){said}. No task was created. Check the base address, and that CometAPI offers this route."),
            >= 400 and < 500 => throw Refused(status, statusText, serverCode, serverMessage, ParamOf(body), body),
            _ => throw Unknown(status, $"CometAPI answered {statusText} to the {RouteName} request{said}.", body),
        };
    }

    /// <summary>The error for a request that was sent (or may have been) and then lost, timed out or cancelled.</summary>
    public RunwayCreateException Lost(string what, Exception? cause) =>
        new(CreateErrorKind.OutcomeUnknown, ServerText.Redact($"{what} {MayExistAdvice}", key), cause) { Route = request.Route };

    /// <summary>The error for a create not sent because the connection's 429 pause lasts longer than the retry budget allows.</summary>
    public RunwayCreateException Paused(TimeSpan left) =>
        new(CreateErrorKind.RateLimited, $"CometAPI asked for no requests for another {DelayText.Of(left)} (HTTP 429, Retry-After), longer than the retry budget allows; the {RouteName} request was not sent, so no task was created. Try again later.")
        {
            Route = request.Route,
            RetryAfter = left,
        };

    /// <summary>The error for a request that never left (DNS, refused connection, TLS, or a failure before the body was written).</summary>
    public RunwayCreateException NotReached(Exception cause) =>
        new(CreateErrorKind.NotReached, ServerText.Redact($"Could not reach {Host} to create the {RouteName} task: {cause.Message} Nothing was sent, so no task was created.", key), cause)
        {
            Route = request.Route,
        };

    private string TaskIdOf(HttpStatusCode status, string statusText, byte[] body)
    {
        using var document = LenientJson.TryParse(body, out var whyNot);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Unknown(status, $"CometAPI answered {statusText} to the {RouteName} request, but with {whyNot ?? "something other than a JSON object"}.", body);
        }

        var root = document.RootElement;
        var data = JsonFields.Object(root, "data");
        var envelopeCode = JsonFields.Text(root, "code");
        if (JsonFields.Has(root, "error") || (envelopeCode is not null && !ApiErrorBody.IsSuccessCode(envelopeCode)))
        {
            ApiErrorBody.TryRead(root, out var serverCode, out var serverMessage, key);
            throw Refused(status, statusText, serverCode, serverMessage, ParamOf(body), body);
        }

        var id = JsonFields.Text(root, "id") ?? JsonFields.Text(data, "task_id") ?? JsonFields.Text(data, "id") ?? JsonFields.Text(root, "task_id");
        if (id is null)
        {
            throw Unknown(status, $"CometAPI answered {statusText} to the {RouteName} request, but the answer names no task id.", body);
        }

        try
        {
            return TaskId.Validate(id);
        }
        catch (ArgumentException e)
        {
            throw Unknown(status, $"CometAPI answered {statusText} to the {RouteName} request, but its task id is unusable: {e.Message}", body);
        }
    }

    private RunwayCreateException Refused(HttpStatusCode status, string statusText, string? serverCode, string? serverMessage, string? param, byte[] body)
    {
        var (refusal, advice) = CreateRefusals.Classify(serverCode, serverMessage, request);
        var reason = serverMessage ?? serverCode;
        var message = $"CometAPI refused the {RouteName} request ({statusText}{(status == HttpStatusCode.OK ? ", code " + serverCode : "")})"
            + (reason is null ? "." : $": {reason.TrimEnd('.')}.") + " No task was created." + (advice.Length > 0 ? " " + advice : "");
        return Error(CreateErrorKind.Refused, status, serverCode, serverMessage, body, message, refusal, param);
    }

    private RunwayCreateException Unknown(HttpStatusCode status, string what, byte[] body) =>
        Error(CreateErrorKind.OutcomeUnknown, status, null, null, body, $"{what} {MayExistAdvice}");

    private RunwayCreateException Error(
        CreateErrorKind kind, HttpStatusCode status, string? serverCode, string? serverMessage, byte[] body, string message,
        CreateRefusal refusal = CreateRefusal.None, string? param = null, TimeSpan? retryAfter = null)
    {
        // Every text the server wrote came through ServerText (the key out of the whole text, then cut); the message is
        // redacted once more as a whole, for what it quotes uncut.
        var excerpt = BodyExcerpt.From(body, key: key);
        return new RunwayCreateException(kind, ServerText.Redact(message, key))
        {
            Route = request.Route,
            Refusal = refusal,
            ParameterName = param,
            RetryAfter = retryAfter,
            StatusCode = status,
            ServerCode = serverCode,
            ServerMessage = serverMessage,
            BodyExcerpt = excerpt.Length > 0 ? excerpt : null,
        };
    }

    private string? ParamOf(byte[] body)
    {
        using var document = LenientJson.TryParse(body, out _);
        return document is null ? null : ServerText.Cap(JsonFields.Text(JsonFields.Object(document.RootElement, "error"), "param"), key);
    }
}
