using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Http;

/// <summary>Reads Runway tasks from CometAPI over either route, with retries for transient failures.</summary>
public sealed class RunwayClient : IRunwayTaskSource
{
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    private readonly CometApiConnection connection;
    private readonly RunwayClientOptions options;
    private readonly HttpClient http;
    private readonly Random random;

    // Shared by every request of this client: after a 429 none of them is sent inside the server's window.
    private readonly RateLimitPause pause;

    public RunwayClient(CometApiConnection connection, RunwayClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.options = options ?? new RunwayClientOptions();
        http = ApiHttpClients.For(connection.BaseUri);
        random = this.options.Random ?? new Random();
        pause = new RateLimitPause(this.options.Time);
    }

    public async Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        id = TaskId.Validate(id);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await pause.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SendOnceAsync(id, format, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RunwayApiException error) when (ErrorResponseMapper.IsRetryable(error) && attempt < options.Retry.MaxAttempts)
            {
                var delay = options.Retry.DelayBeforeRetry(attempt, error.RetryAfter, random);
                if (delay is null)
                {
                    throw WithAttempts(error, attempt);
                }

                if (options.Log is not null)
                {
                    Log($"Retry {attempt} of {options.Retry.MaxAttempts - 1} for task '{id}' in {delay.Value.TotalSeconds:0.0#} s: {Reason(error)}.");
                }

                if (error.Kind == RunwayErrorKind.RateLimited)
                {
                    // The backoff is everyone's: the pause at the top of the loop waits it out.
                    pause.Extend(delay.Value);
                }
                else
                {
                    await Task.Delay(delay.Value, options.Time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RunwayApiException error) when (attempt > 1)
            {
                throw WithAttempts(error, attempt);
            }
        }
    }

    private async Task<RunwayTask> SendOnceAsync(string id, RunwayTaskFormat format, int attempt, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(id, format);
        var uri = request.RequestUri!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response, id, uri, timeout.Token).ConfigureAwait(false);
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
                    // (capped like a retry's wait: no hang without a limit).
                    pause.Extend(window < options.Retry.MaxServerDelay ? window : options.Retry.MaxServerDelay);
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
                return RunwayTaskParser.Parse(body, format, new TaskParseContext(id, options.RunwayVersion, connection.BaseUri, options.Time.GetUtcNow()));
            }
            catch (RunwayApiException error)
            {
                throw Redacted(error);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log($"{request.Method} {uri} timed out after {options.RequestTimeout.TotalSeconds:0} s");
            throw new RunwayApiException(RunwayErrorKind.Timeout, $"The request for task '{id}' to {uri.GetLeftPart(UriPartial.Authority)} did not complete within {options.RequestTimeout.TotalSeconds:0} seconds.")
            {
                TaskId = id,
                RequestUri = uri,
            };
        }
        catch (IOException error)
        {
            // The connection broke after the headers, while the body was read (HttpIOException and socket errors).
            Log($"{request.Method} {uri} failed while reading the answer: {error.Message}");
            throw new RunwayApiException(RunwayErrorKind.Network, $"The connection to {uri.GetLeftPart(UriPartial.Authority)} broke while reading the answer for task '{id}': {connection.ApiKey.Redact(error.Message)}", error)
            {
                TaskId = id,
                RequestUri = uri,
            };
        }
        catch (HttpRequestException error)
        {
            Log($"{request.Method} {uri} failed: {error.Message}");
            throw new RunwayApiException(RunwayErrorKind.Network, $"Could not reach {uri.GetLeftPart(UriPartial.Authority)} for task '{id}': {connection.ApiKey.Redact(error.Message)}", error)
            {
                TaskId = id,
                RequestUri = uri,
            };
        }
    }

    private HttpRequestMessage BuildRequest(string id, RunwayTaskFormat format)
    {
        var request = format == RunwayTaskFormat.Feed
            ? new HttpRequestMessage(HttpMethod.Post, new Uri(connection.BaseUri, "runway/feed"))
            {
                Content = JsonContent.Create(new FeedTaskRequest(id), CometJsonContext.Default.FeedTaskRequest),
            }
            : new HttpRequestMessage(HttpMethod.Get, new Uri(connection.BaseUri, "runwayml/v1/tasks/" + TaskId.AsPathSegment(id)));

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.ApiKey.Reveal());
        // Constants, valid as they are: added without parsing them again for every request.
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        if (!string.IsNullOrWhiteSpace(options.RunwayVersion))
        {
            request.Headers.TryAddWithoutValidation("X-Runway-Version", options.RunwayVersion);
        }

        return request;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string id, Uri uri, CancellationToken cancellationToken)
    {
        var length = response.Content.Headers.ContentLength;
        if (length > MaxBodyBytes)
        {
            throw TooLarge(id, uri);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (length is { } known)
        {
            // The common case: one array of the announced size, no copies.
            var body = new byte[known];
            var got = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return got == body.Length ? body : body[..got];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
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

    private static RunwayApiException TooLarge(string id, Uri uri) =>
        new(RunwayErrorKind.MalformedResponse, $"The response for task '{id}' from {uri.GetLeftPart(UriPartial.Authority)} is larger than {MaxBodyBytes / (1024 * 1024)} MiB; a task is a few kilobytes. Check the base address.")
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

    private static RunwayApiException WithAttempts(RunwayApiException error, int attempts) =>
        Copy(error, error.Message, error.BodyExcerpt, attempts);

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

    private static string Reason(RunwayApiException error) => error.StatusCode is { } status
        ? $"HTTP {(int)status} ({error.Kind})" + (error.RetryAfter is { } wait ? $", server asked to wait {wait.TotalSeconds:0.#} s" : string.Empty)
        : error.Kind.ToString();

    private void Log(string message) => options.Log?.Invoke(new RequestLogEntry(message));
}
