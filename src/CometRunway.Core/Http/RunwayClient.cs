using System.Net.Http.Headers;
using System.Text.Json;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Http;

/// <summary>Reads Runway tasks from CometAPI over either route, with retries for transient failures.</summary>
internal sealed class RunwayClient : IRunwayTaskSource
{
    private readonly CometApiConnection connection;
    private readonly RunwayClientOptions options;
    private readonly ApiSender sender;

    /// <exception cref="ArgumentException">An option cannot work (for example a header value with a line break).</exception>
    public RunwayClient(CometApiConnection connection, RunwayClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.options = options ?? new RunwayClientOptions();
        this.options.Validate();
        sender = new ApiSender(connection, this.options);
    }

    public async Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        id = TaskId.Validate(id);
        var started = options.Time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await sender.WaitForPauseAsync(started, cancellationToken).ConfigureAwait(false) is { } pause)
                {
                    throw Paused(id, format, pause);
                }

                return await SendOnceAsync(id, format, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RunwayApiException error) when (error.IsTransient)
            {
                var decision = sender.Decide(attempt, started, error.RetryAfter);
                if (decision.Delay is not { } delay)
                {
                    throw Final(error, attempt, decision.Explanation);
                }

                if (options.Log is not null)
                {
                    sender.Log($"{sender.RetryCount(attempt)} for task '{id}' in {DelayText.Of(delay)}: {Reason(error)}.");
                }

                await sender.BackOffAsync(delay, error.Kind == RunwayErrorKind.RateLimited, cancellationToken).ConfigureAwait(false);
            }
            catch (RunwayApiException error) when (attempt > 1)
            {
                throw Final(error, attempt, string.Empty);
            }
        }
    }

    private async Task<RunwayTask> SendOnceAsync(string id, RunwayTaskFormat format, int attempt, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(id, format);
        var uri = request.RequestUri!;
        ApiAnswer answer;
        try
        {
            answer = await sender.SendOnceAsync(request, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiSendFailure failure)
        {
            var (kind, what) = failure.Kind switch
            {
                ApiSendFailureKind.Stalled => (RunwayErrorKind.Timeout, $"The answer for task '{id}' stalled: {failure.Message}."),
                ApiSendFailureKind.TimedOut => (RunwayErrorKind.Timeout, $"The request for task '{id}' to {ConnectionResolver.Origin(uri)} did not complete within {DelayText.Of(options.RequestTimeout)}."),
                _ => (RunwayErrorKind.Network, $"Could not reach {ConnectionResolver.Origin(uri)} for task '{id}': {failure.Message}"),
            };
            sender.Log($"{request.Method} {uri} failed: {(kind == RunwayErrorKind.Network ? failure.Message : what)}");
            throw new RunwayApiException(kind, what, failure.InnerException) { TaskId = id, RequestUri = uri };
        }

        switch (answer.End)
        {
            case AnswerEnd.TooLarge:
                throw TooLarge(id, uri);
            case AnswerEnd.BrokeOff:
                // The connection broke after the headers, while the body was read (HttpIOException and socket errors).
                sender.Log($"{request.Method} {uri} failed while reading the answer: {answer.ReadError!.Message}");
                throw new RunwayApiException(RunwayErrorKind.Network, $"The connection to {ConnectionResolver.Origin(uri)} broke while reading the answer for task '{id}': {connection.ApiKey.Redact(answer.ReadError.Message)}", answer.ReadError)
                {
                    TaskId = id,
                    RequestUri = uri,
                };
        }

        if (!answer.IsSuccess)
        {
            throw Redacted(ErrorResponseMapper.Map(answer.Status, answer.ReasonPhrase, answer.Location, answer.Body, answer.RetryAfter, id, uri, connection.ApiKey));
        }

        try
        {
            var context = new TaskParseContext(id, options.RunwayVersion, connection.BaseUri, options.Time.GetUtcNow()) { Key = connection.ApiKey };
            return RunwayTaskParser.Parse(answer.Body, format, context);
        }
        catch (RunwayApiException error)
        {
            throw Redacted(error);
        }
    }

    private HttpRequestMessage BuildRequest(string id, RunwayTaskFormat format) => format == RunwayTaskFormat.Feed
        ? sender.Request(HttpMethod.Post, TaskUri(id, format), FeedBody(id))
        : sender.Request(HttpMethod.Get, TaskUri(id, format));

    private Uri TaskUri(string id, RunwayTaskFormat format) => format == RunwayTaskFormat.Feed
        ? new Uri(connection.BaseUri, "runway/feed")
        : new Uri(connection.BaseUri, "runwayml/v1/tasks/" + TaskId.AsPathSegment(id));

    /// <summary>The JSON serialized up front, so the request carries a Content-Length (some gateways read a chunked body as empty).</summary>
    private static ByteArrayContent FeedBody(string id)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new FeedTaskRequest(id), CometJsonContext.Default.FeedTaskRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The read not sent because the connection's 429 pause lasts longer than this read may wait; RetryAfter says how long.</summary>
    private RunwayApiException Paused(string id, RunwayTaskFormat format, TimeSpan left)
    {
        var uri = TaskUri(id, format);
        return new RunwayApiException(RunwayErrorKind.RateLimited, $"CometAPI asked for no requests to {ConnectionResolver.Origin(uri)} for another {DelayText.Of(left)} (HTTP 429, Retry-After), longer than this read may wait; the read of task '{id}' was not sent.")
        {
            TaskId = id,
            RequestUri = uri,
            RetryAfter = left,
        };
    }

    private RunwayApiException TooLarge(string id, Uri uri) =>
        new(RunwayErrorKind.MalformedResponse, $"The response for task '{id}' from {ConnectionResolver.Origin(uri)} is larger than {options.MaxResponseBytes / 1024} KiB; a task is a few kilobytes. Check the base address.")
        {
            TaskId = id,
            RequestUri = uri,
        };

    /// <summary>
    /// The error with every text it carries through <see cref="ServerText.Redact"/> once more, whatever built it: what
    /// the server said was redacted before it was cut, and this catches what was quoted whole (a redirect's Location).
    /// </summary>
    private RunwayApiException Redacted(RunwayApiException error)
    {
        var key = connection.ApiKey;
        var message = ServerText.Redact(error.Message, key);
        var excerpt = error.BodyExcerpt is null ? null : ServerText.Redact(error.BodyExcerpt, key);
        var code = error.ServerCode is null ? null : ServerText.Redact(error.ServerCode, key);
        if (message == error.Message && excerpt == error.BodyExcerpt && code == error.ServerCode)
        {
            return error;
        }

        return Copy(error, message, excerpt, error.Attempts, code);
    }

    /// <summary>The error as the caller sees it: how many attempts were made and, when time ended the retries, why.</summary>
    private static RunwayApiException Final(RunwayApiException error, int attempts, string explanation) =>
        Copy(error, explanation.Length == 0 ? error.Message : $"{error.Message} {explanation}", error.BodyExcerpt, attempts, error.ServerCode);

    private static RunwayApiException Copy(RunwayApiException error, string message, string? excerpt, int attempts, string? serverCode) =>
        new(error.Kind, message, error.InnerException)
        {
            StatusCode = error.StatusCode,
            TaskId = error.TaskId,
            RequestUri = error.RequestUri,
            RetryAfter = error.RetryAfter,
            BodyExcerpt = excerpt,
            ServerCode = serverCode,
            Attempts = attempts,
        };

    private static string Reason(RunwayApiException error) => error.StatusCode is { } status
        ? $"HTTP {(int)status} ({error.Kind})" + (error.RetryAfter is { } wait ? $", server asked to wait {DelayText.Of(wait)}" : string.Empty)
        : error.Kind.ToString();
}
