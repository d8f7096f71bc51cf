using System.Buffers;
using System.Diagnostics;
using System.Net;
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
    private readonly HttpClient http;
    private readonly Random random;

    // Shared by every request of this client: after a 429 none of them is sent inside the server's window.
    private readonly RateLimitPause pause;

    /// <exception cref="ArgumentException">An option cannot work (for example a header value with a line break).</exception>
    public RunwayClient(CometApiConnection connection, RunwayClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.options = options ?? new RunwayClientOptions();
        this.options.Validate();
        http = HttpClients.Api;
        random = this.options.Random ?? Random.Shared;
        pause = new RateLimitPause(this.options.Time);
    }

    public async Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        id = TaskId.Validate(id);
        var started = options.Time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await pause.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SendOnceAsync(id, format, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RunwayApiException error) when (error.IsTransient)
            {
                RetryDecision decision;
                lock (random)
                {
                    decision = options.Retry.Decide(attempt, options.Time.GetElapsedTime(started), error.RetryAfter, random);
                }

                if (decision.Delay is not { } delay)
                {
                    throw Final(error, attempt, decision.Explanation);
                }

                if (options.Log is not null)
                {
                    var of = options.Retry.MaxAttempts == int.MaxValue ? string.Empty : $" of {options.Retry.MaxAttempts - 1}";
                    Log($"Retry {attempt}{of} for task '{id}' in {DelayText.Of(delay)}: {Reason(error)}.");
                }

                if (error.Kind == RunwayErrorKind.RateLimited)
                {
                    // The backoff is everyone's: the pause at the top of the loop waits it out.
                    pause.Extend(delay);
                }
                else
                {
                    await Task.Delay(delay, options.Time, cancellationToken).ConfigureAwait(false);
                }
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        StallGuard? stall = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            stall = new StallGuard(options.Stall, timeout.Token);
            var body = await ReadBodyAsync(response, id, uri, stall).ConfigureAwait(false);
            if (options.Log is not null)
            {
                Log($"{request.Method} {uri} -> {(int)response.StatusCode} {response.ReasonPhrase} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms{(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                var retryAfter = RetryAfterHeader.Read(response.Headers, options.Time.GetUtcNow());
                if (response.StatusCode == HttpStatusCode.TooManyRequests && retryAfter is { } window)
                {
                    // This client's other requests keep out of the window whether or not this one is retried
                    // (no longer than the retry budget: no hang without a limit).
                    pause.Extend(window < options.Retry.Budget ? window : options.Retry.Budget);
                }

                throw Redacted(ErrorResponseMapper.Map(
                    response.StatusCode,
                    response.ReasonPhrase,
                    response.Headers.Location,
                    body,
                    retryAfter,
                    id,
                    uri));
            }

            try
            {
                var context = new TaskParseContext(id, options.RunwayVersion, connection.BaseUri, options.Time.GetUtcNow()) { Key = connection.ApiKey };
                return RunwayTaskParser.Parse(body, format, context);
            }
            catch (RunwayApiException error)
            {
                throw Redacted(error);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var what = stall is { HasStalled: true }
                ? $"The answer for task '{id}' stalled: {stall.Describe(Authority(uri))}."
                : $"The request for task '{id}' to {Authority(uri)} did not complete within {DelayText.Of(options.RequestTimeout)}.";
            Log($"{request.Method} {uri}: {what}");
            throw new RunwayApiException(RunwayErrorKind.Timeout, what) { TaskId = id, RequestUri = uri };
        }
        catch (IOException error)
        {
            // The connection broke after the headers, while the body was read (HttpIOException and socket errors).
            Log($"{request.Method} {uri} failed while reading the answer: {error.Message}");
            throw new RunwayApiException(RunwayErrorKind.Network, $"The connection to {Authority(uri)} broke while reading the answer for task '{id}': {connection.ApiKey.Redact(error.Message)}", error)
            {
                TaskId = id,
                RequestUri = uri,
            };
        }
        catch (HttpRequestException error)
        {
            Log($"{request.Method} {uri} failed: {error.Message}");
            throw new RunwayApiException(RunwayErrorKind.Network, $"Could not reach {Authority(uri)} for task '{id}': {connection.ApiKey.Redact(error.Message)}", error)
            {
                TaskId = id,
                RequestUri = uri,
            };
        }
        finally
        {
            stall?.Dispose();
        }
    }

    private HttpRequestMessage BuildRequest(string id, RunwayTaskFormat format) => format == RunwayTaskFormat.Feed
        ? ApiRequest.Create(HttpMethod.Post, new Uri(connection.BaseUri, "runway/feed"), connection.ApiKey, options.RunwayVersion, FeedBody(id))
        : ApiRequest.Create(HttpMethod.Get, new Uri(connection.BaseUri, "runwayml/v1/tasks/" + TaskId.AsPathSegment(id)), connection.ApiKey, options.RunwayVersion);

    /// <summary>The JSON serialized up front, so the request carries a Content-Length (some gateways read a chunked body as empty).</summary>
    private static ByteArrayContent FeedBody(string id)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new FeedTaskRequest(id), CometJsonContext.Default.FeedTaskRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string id, Uri uri, StallGuard stall)
    {
        var length = response.Content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
        {
            throw TooLarge(id, uri);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
        if (length is { } known)
        {
            // The common case: one array of the announced size, no copies.
            var body = new byte[known];
            var got = 0;
            int read;
            while (got < body.Length && (read = await stream.ReadAsync(body.AsMemory(got), stall.Token).ConfigureAwait(false)) > 0)
            {
                stall.Progress(read);
                got += read;
            }

            return got == body.Length ? body : body[..got];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, stall.Token).ConfigureAwait(false)) > 0)
            {
                stall.Progress(read);
                if (buffer.Length + read > options.MaxResponseBytes)
                {
                    throw TooLarge(id, uri);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private RunwayApiException TooLarge(string id, Uri uri) =>
        new(RunwayErrorKind.MalformedResponse, $"The response for task '{id}' from {Authority(uri)} is larger than {options.MaxResponseBytes / 1024} KiB; a task is a few kilobytes. Check the base address.")
        {
            TaskId = id,
            RequestUri = uri,
        };

    private RunwayApiException Redacted(RunwayApiException error)
    {
        var message = connection.ApiKey.Redact(error.Message);
        var excerpt = error.BodyExcerpt is null ? null : connection.ApiKey.Redact(error.BodyExcerpt);
        if (ReferenceEquals(message, error.Message) && ReferenceEquals(excerpt, error.BodyExcerpt))
        {
            return error;
        }

        return Copy(error, message, excerpt, error.Attempts);
    }

    /// <summary>The error as the caller sees it: how many attempts were made and, when time ended the retries, why.</summary>
    private static RunwayApiException Final(RunwayApiException error, int attempts, string explanation) =>
        Copy(error, explanation.Length == 0 ? error.Message : $"{error.Message} {explanation}", error.BodyExcerpt, attempts);

    private static RunwayApiException Copy(RunwayApiException error, string message, string? excerpt, int attempts) =>
        new(error.Kind, message, error.InnerException)
        {
            StatusCode = error.StatusCode,
            TaskId = error.TaskId,
            RequestUri = error.RequestUri,
            RetryAfter = error.RetryAfter,
            BodyExcerpt = excerpt,
            ServerCode = error.ServerCode,
            Attempts = attempts,
        };

    private static string Authority(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static string Reason(RunwayApiException error) => error.StatusCode is { } status
        ? $"HTTP {(int)status} ({error.Kind})" + (error.RetryAfter is { } wait ? $", server asked to wait {DelayText.Of(wait)}" : string.Empty)
        : error.Kind.ToString();

    private void Log(string message) => options.Log?.Invoke(new RequestLogEntry(message));
}
