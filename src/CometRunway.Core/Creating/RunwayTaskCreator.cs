using System.Diagnostics;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Creating;

/// <summary>
/// Creates one Runway task per call: checks the request, POSTs its JSON body (with a Content-Length, the Bearer key, the
/// User-Agent and <c>X-Runway-Version</c>), and returns the task in its first state, ready for the waiter.
/// </summary>
/// <remarks>
/// Creating costs money, so a create is retried only when the request surely never reached the server: a failure before
/// the body was handed to the connection (DNS, refused connection, TLS), or a 429 (the server turned it away; its
/// Retry-After is honoured within the retry budget). After anything ambiguous (a timeout
/// once sent, a 5xx, a dropped connection, an unreadable success) it throws <see cref="CreateErrorKind.OutcomeUnknown"/>
/// and never sends again. Options come from <see cref="RunwayClientOptions"/>: Retry (attempts and delays), RequestTimeout
/// (one attempt), RunwayVersion (sent on every create), Log, Random, Time.
/// </remarks>
internal sealed class RunwayTaskCreator
{
    private const int MaxAnswerBytes = 1024 * 1024;

    private readonly CometApiConnection connection;
    private readonly RunwayClientOptions options;
    private readonly HttpClient http;
    private readonly Random random;

    public RunwayTaskCreator(CometApiConnection connection, RunwayClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.options = options ?? new RunwayClientOptions();
        this.options.Validate();
        http = HttpClients.Api;
        random = this.options.Random ?? Random.Shared;
    }

    /// <summary>The <c>X-Runway-Version</c> sent with every create.</summary>
    public string RunwayVersion => options.RunwayVersion;

    /// <summary>Creates the task <paramref name="request"/> describes.</summary>
    /// <returns>The task, Pending, with its id, family (<see cref="RunwayTask.Format"/>), base address, model and prompt.</returns>
    /// <exception cref="RunwayCreateException">No task id: <see cref="RunwayCreateException.Kind"/> says why and whether a task may exist.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the request was sent (once sent, cancelling throws OutcomeUnknown).</exception>
    public async Task<RunwayTask> CreateAsync(CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var body = request.ToUtf8Json();
        var uri = request.Route.UriFor(connection.BaseUri);
        var answer = new CreateAnswer(request, uri, connection.ApiKey, options.Time);
        var started = options.Time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var id = await SendOnceAsync(request, body, uri, answer, attempt, cancellationToken).ConfigureAwait(false);
                return CreatedTask(request, id);
            }
            catch (RunwayCreateException error) when (error.Kind is CreateErrorKind.NotReached or CreateErrorKind.RateLimited)
            {
                RetryDecision decision;
                lock (random)
                {
                    decision = options.Retry.Decide(attempt, options.Time.GetElapsedTime(started), error.RetryAfter, random);
                }

                if (decision.Delay is not { } delay)
                {
                    throw error.WithAttempts(attempt);
                }

                Log($"Retry {attempt} of {options.Retry.MaxAttempts - 1} for the {request.Route.Name} create in {DelayText.Of(delay)}: {error.Kind} (not sent or turned away, so it cannot be a duplicate).");
                await Task.Delay(delay, options.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (RunwayCreateException error) when (attempt > 1)
            {
                throw error.WithAttempts(attempt);
            }
        }
    }

    private async Task<string> SendOnceAsync(CreateRequest request, byte[] body, Uri uri, CreateAnswer answer, int attempt, CancellationToken cancellationToken)
    {
        using var content = new SentTrackingContent(body);
        using var message = ApiRequest.Create(HttpMethod.Post, uri, connection.ApiKey, options.RunwayVersion, content);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var (answerBody, complete) = await ReadAnswerAsync(response.Content, timeout.Token).ConfigureAwait(false);
            Log($"POST {uri} -> {(int)response.StatusCode} {response.ReasonPhrase} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms{(attempt > 1 ? $" (attempt {attempt})" : "")}");
            return answer.Read(response.StatusCode, response.ReasonPhrase, response.Headers, answerBody, complete);
        }
        catch (OperationCanceledException error) when (!content.Started)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            Log($"POST {uri} could not connect within {options.RequestTimeout.TotalSeconds:0} s; nothing was sent");
            throw answer.NotReached(new TimeoutException($"No connection within {options.RequestTimeout.TotalSeconds:0} seconds.", error));
        }
        catch (OperationCanceledException error)
        {
            Log($"POST {uri} was sent, then {(cancellationToken.IsCancellationRequested ? "cancelled" : "timed out")}");
            throw answer.Lost(cancellationToken.IsCancellationRequested
                ? $"The {request.Route.Name} request was cancelled after it was sent."
                : $"The {request.Route.Name} request was sent to {uri.GetLeftPart(UriPartial.Authority)} but no answer came within {options.RequestTimeout.TotalSeconds:0} seconds.", error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            Log($"POST {uri} failed {(content.Started ? "after sending" : "before sending")}: {error.Message}");
            throw content.Started
                ? answer.Lost($"The connection to {uri.GetLeftPart(UriPartial.Authority)} broke after the {request.Route.Name} request was sent ({error.Message}).", error)
                : answer.NotReached(error);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>The answer's bytes, at most <see cref="MaxAnswerBytes"/>; complete is false when it broke off or was longer.</summary>
    private static async Task<(byte[] Body, bool Complete)> ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                {
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return (buffer.ToArray(), false);
        }

        return (buffer.ToArray(), true);
    }

    private RunwayTask CreatedTask(CreateRequest request, string id)
    {
        var now = options.Time.GetUtcNow();
        return new RunwayTask
        {
            Id = id,
            Format = request.Route.Format,
            Status = RunwayTaskStatus.Pending,
            Action = request.Route.Name,
            CreatedAt = now,
            SubmittedAt = now,
            RetrievedAt = now,
            RunwayVersion = RunwayVersion,
            BaseUri = connection.BaseUri,
            Model = request.RequestedModel,
            Prompt = request.RequestedPrompt,
        };
    }

    private void Log(string message) => options.Log?.Invoke(new RequestLogEntry(message));
}
