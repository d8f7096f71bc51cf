using System.Net;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;

namespace CometRunway.Core.Http;

/// <summary>Turns a non-success HTTP response into the typed error it means; everything it quotes went through <see cref="ServerText"/>.</summary>
internal static class ErrorResponseMapper
{
    public static RunwayApiException Map(
        HttpStatusCode status, string? reasonPhrase, Uri? location, ReadOnlySpan<byte> body, TimeSpan? retryAfter, string taskId, Uri requestUri, ApiKey key)
    {
        var code = (int)status;
        ApiErrorBody.TryRead(body, out var serverCode, out var serverMessage, key);
        var excerpt = BodyExcerpt.From(body, key: key);
        var said = serverMessage is { Length: > 0 } ? $": {serverMessage}" : excerpt.Length > 0 ? $". The response began: {excerpt}" : ".";
        var statusText = $"HTTP {code} {reasonPhrase ?? status.ToString()}";

        (var kind, var message) = code switch
        {
            _ when ApiErrorBody.IsTaskNotExist(serverCode, serverMessage) =>
                (RunwayErrorKind.TaskNotVisible, $"Task '{taskId}' is not visible yet (task_not_exist). New tasks can take from seconds to several minutes to appear; Wait-RunwayTask keeps polling until they do."),
            401 or 403 =>
                (RunwayErrorKind.Authentication, $"CometAPI rejected the API key ({statusText}){said} Check the key given by -ApiKey, Connect-CometApi or COMETAPI_KEY."),
            404 =>
                (RunwayErrorKind.NotFound, $"{statusText} for task '{taskId}' at {requestUri.GetLeftPart(UriPartial.Path)}{said} Check the task id, the format (official or feed) and the base address."),
            429 when ApiErrorBody.IsQuotaExhausted(serverCode, serverMessage) =>
                (RunwayErrorKind.QuotaExhausted, $"CometAPI reports the account's quota is exhausted ({statusText}){said} Top up the account; retrying will not help."),
            429 =>
                (RunwayErrorKind.RateLimited, $"CometAPI is rate limiting requests ({statusText}){said}"),
            408 =>
                (RunwayErrorKind.Timeout, $"The server timed out reading the request ({statusText})."),
            // A redirect means a wrong base address: no retry or later poll will fix it.
            >= 300 and < 400 =>
                (RunwayErrorKind.BadRequest, $"The server answered {statusText}, redirecting to '{ServerText.Cap(location?.ToString(), key)}'. CometAPI does not redirect API calls; check the base address (-BaseUri or COMETAPI_BASE_URL)."),
            >= 500 =>
                (RunwayErrorKind.ServerError, $"CometAPI had a server error ({statusText}){said}"),
            _ =>
                (RunwayErrorKind.BadRequest, $"CometAPI refused the request for task '{taskId}' ({statusText}){said}"),
        };

        return new RunwayApiException(kind, message)
        {
            StatusCode = status,
            TaskId = taskId,
            RequestUri = requestUri,
            RetryAfter = retryAfter,
            BodyExcerpt = excerpt.Length > 0 ? excerpt : null,
            ServerCode = serverCode,
        };
    }
}
