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
    private readonly CometApiConnection connection;
    private readonly RunwayClientOptions options;
    private readonly ApiSender sender;

    public RunwayTaskCreator(CometApiConnection connection, RunwayClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        this.connection = connection;
        this.options = options ?? new RunwayClientOptions();
        this.options.Validate();
        sender = new ApiSender(connection, this.options);
    }

    /// <summary>The <c>X-Runway-Version</c> sent with every create.</summary>
    public string RunwayVersion => options.RunwayVersion;

    /// <summary>Creates the task <paramref name="request"/> describes.</summary>
    /// <returns>The task, Pending, with its id, family (<see cref="RunwayTask.Format"/>), base address, model and prompt.</returns>
    /// <exception cref="RunwayCreateException">No task id: <see cref="RunwayCreateException.Kind"/> says why and whether a task may exist.</exception>
    /// <exception cref="OperationCanceledException">
    /// Cancelled before the request was sent. Once its body has started, a create is not cancelled: it ends (task or
    /// error) within <see cref="RunwayClientOptions.RequestTimeout"/>, so a task that exists is never left unreported.
    /// </exception>
    public async Task<RunwayTask> CreateAsync(CreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var body = request.ToUtf8Json();
        var uri = request.Route.UriFor(connection.BaseUri);
        var answer = new CreateAnswer(request, uri, connection.ApiKey);
        var started = options.Time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await sender.WaitForPauseAsync(started, cancellationToken).ConfigureAwait(false) is { } pause)
                {
                    throw answer.Paused(pause);
                }

                var id = await SendOnceAsync(request, body, uri, answer, attempt, cancellationToken).ConfigureAwait(false);
                return CreatedTask(request, id);
            }
            catch (RunwayCreateException error) when (error.Kind is CreateErrorKind.NotReached or CreateErrorKind.RateLimited)
            {
                var decision = sender.Decide(attempt, started, error.RetryAfter);
                if (decision.Delay is not { } delay)
                {
                    throw error.WithAttempts(attempt);
                }

                sender.Log($"{sender.RetryCount(attempt)} for the {request.Route.Name} create in {DelayText.Of(delay)}: {error.Kind} (not sent or turned away, so it cannot be a duplicate).");
                await sender.BackOffAsync(delay, error.Kind == CreateErrorKind.RateLimited, cancellationToken).ConfigureAwait(false);
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
        using var message = sender.Request(HttpMethod.Post, uri, content);

        // Cancelling withdraws a create only while its body has not started: one that may have reached the server
        // finishes within its request timeout, so its task id is not lost (cancelling it would save nothing).
        using var unsent = new CancellationTokenSource();
        using var withdraw = cancellationToken.Register(() =>
        {
            if (content.TryWithdraw())
            {
                unsent.Cancel();
            }
        });
        ApiAnswer reply;
        try
        {
            reply = await sender.SendOnceAsync(message, attempt, unsent.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (unsent.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The {request.Route.Name} create was cancelled before it was sent.", cancellationToken);
        }
        catch (ApiSendFailure failure) when (!content.Started)
        {
            sender.Log($"POST {uri} failed before sending: {failure.Message}; nothing was sent");
            throw answer.NotReached(failure.Kind == ApiSendFailureKind.Network
                ? failure.InnerException!
                : new TimeoutException($"No connection within {options.RequestTimeout.TotalSeconds:0} seconds.", failure));
        }
        catch (ApiSendFailure failure)
        {
            sender.Log($"POST {uri} failed after sending: {failure.Message}");
            throw answer.Lost(failure.Kind == ApiSendFailureKind.Network
                ? $"The connection to {ConnectionResolver.Origin(uri)} broke after the {request.Route.Name} request was sent ({failure.Message})."
                : $"The {request.Route.Name} request was sent to {ConnectionResolver.Origin(uri)} but no answer came within {options.RequestTimeout.TotalSeconds:0} seconds.", failure.InnerException);
        }

        return answer.Read(reply);
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

}
