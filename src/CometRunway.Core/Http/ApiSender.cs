using System.Buffers;
using System.Diagnostics;
using System.Net;
using CometRunway.Core.Configuration;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

/// <summary>
/// Sends requests to one CometAPI connection, for reading and creating alike: one attempt within the request timeout
/// and the stall rule, the answer read up to <see cref="RunwayClientOptions.MaxResponseBytes"/>, the connection's 429
/// pause honoured and extended, and one log line per answer, with the key taken out of every line. Which failures are
/// retried is the caller's rule (<see cref="Decide"/> gives the policy's delay).
/// </summary>
internal sealed class ApiSender
{
    private readonly HttpClient http = HttpClients.Api;
    private readonly Random random;

    public ApiSender(CometApiConnection connection, RunwayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Connection = connection;
        Options = options;
        random = options.Random ?? Random.Shared;
        Pause = (options.Pauses ?? new ConnectionPauses()).For(connection, options.Time);
    }

    public CometApiConnection Connection { get; }

    public RunwayClientOptions Options { get; }

    public ApiKey Key => Connection.ApiKey;

    /// <summary>After a 429 with <c>Retry-After</c> no request to this connection (any sender's) is sent before it ends.</summary>
    public RateLimitPause Pause { get; }

    public HttpRequestMessage Request(HttpMethod method, Uri uri, HttpContent? content = null) =>
        ApiRequest.Create(method, uri, Key, Options.RunwayVersion, content);

    /// <summary>The retry policy's answer after <paramref name="attempts"/> failed attempts, the first made at <paramref name="startedAt"/>.</summary>
    public RetryDecision Decide(int attempts, long startedAt, TimeSpan? serverDelay) =>
        Options.Retry.Decide(attempts, Options.Time.GetElapsedTime(startedAt), serverDelay, random);

    /// <summary>
    /// Waits out the connection's pause when it ends within what is left of the retry budget (counted from
    /// <paramref name="startedAt"/>); a longer pause, or any pause for a caller that does not retry (the waiter, which
    /// schedules the read again itself), is not waited for: its remaining length is returned, so the caller can fail
    /// without sending. No request lands inside the server's window, and none hangs without a limit.
    /// </summary>
    public async ValueTask<TimeSpan?> WaitForPauseAsync(long startedAt, CancellationToken cancellationToken)
    {
        var allowance = Options.Retry.MaxAttempts > 1 ? Options.Retry.Budget - Options.Time.GetElapsedTime(startedAt) : TimeSpan.Zero;
        var left = Pause.Remaining;
        if (left > allowance)
        {
            return left;
        }

        await Pause.WaitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Waits <paramref name="delay"/> before a retry. After a 429 the wait is everyone's: the connection's pause is
    /// extended, and the next <see cref="WaitForPauseAsync"/> (this caller's and every other's) waits it out.
    /// </summary>
    public Task BackOffAsync(TimeSpan delay, bool rateLimited, CancellationToken cancellationToken)
    {
        if (rateLimited)
        {
            Pause.Extend(delay);
            return Task.CompletedTask;
        }

        return Task.Delay(delay, Options.Time, cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> once and reads its answer.</summary>
    /// <exception cref="ApiSendFailure">No answer: timed out, stalled, or the connection failed before the headers.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiAnswer> SendOnceAsync(HttpRequestMessage request, int attempt, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout);
        StallGuard? stall = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            stall = new StallGuard(Options.Stall, timeout.Token);
            var retryAfter = RetryAfterHeader.Read(response.Headers, Options.Time.GetUtcNow());
            if (response.StatusCode == HttpStatusCode.TooManyRequests && retryAfter is { } window)
            {
                // Every request to this connection keeps out of the whole window, whether or not this one is retried;
                // one that cannot wait that long fails unsent (WaitForPauseAsync), so nothing hangs.
                Pause.Extend(window);
            }

            var (body, end, readError) = await ReadBodyAsync(response, stall).ConfigureAwait(false);
            if (Options.Log is not null)
            {
                Log($"{request.Method} {uri} -> {(int)response.StatusCode} {response.ReasonPhrase} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms{(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
            }

            return new ApiAnswer(response.StatusCode, response.ReasonPhrase, response.Headers.Location, retryAfter, body, end, readError);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw stall is { HasStalled: true }
                ? new ApiSendFailure(ApiSendFailureKind.Stalled, stall.Describe(ConnectionResolver.Origin(uri)), error)
                : new ApiSendFailure(ApiSendFailureKind.TimedOut, $"no answer within {DelayText.Of(Options.RequestTimeout)}", error);
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            throw new ApiSendFailure(ApiSendFailureKind.Network, Key.Redact(error.Message), error);
        }
        finally
        {
            stall?.Dispose();
        }
    }

    /// <summary>"Retry 2 of 3", or "Retry 2" under a policy with no attempt limit.</summary>
    public string RetryCount(int attempt) =>
        Options.Retry.MaxAttempts == int.MaxValue ? $"Retry {attempt}" : $"Retry {attempt} of {Options.Retry.MaxAttempts - 1}";

    /// <summary>One line for <c>-Verbose</c>, with the key taken out whatever the line quotes.</summary>
    public void Log(string message) => Options.Log?.Invoke(new RequestLogEntry(Key.Redact(message)));

    private async Task<(byte[] Body, AnswerEnd End, Exception? ReadError)> ReadBodyAsync(HttpResponseMessage response, StallGuard stall)
    {
        var limit = Options.MaxResponseBytes;
        var length = response.Content.Headers.ContentLength;
        if (length > limit)
        {
            return (Array.Empty<byte>(), AnswerEnd.TooLarge, null);
        }

        // One array of the announced size (the common case, no copies), else a growing buffer.
        var known = length is { } announced ? new byte[announced] : null;
        using var buffer = known is null ? new MemoryStream() : null;
        var got = 0;
        var chunk = known is null ? ArrayPool<byte>.Shared.Rent(16 * 1024) : null;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            while (true)
            {
                var read = known is not null
                    ? got < known.Length ? await stream.ReadAsync(known.AsMemory(got), stall.Token).ConfigureAwait(false) : 0
                    : await stream.ReadAsync(chunk, stall.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                stall.Progress(read);
                if (got + (long)read > limit)
                {
                    return (Collected(), AnswerEnd.TooLarge, null);
                }

                buffer?.Write(chunk!, 0, read);
                got += read;
            }
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return (Collected(), AnswerEnd.BrokeOff, error);
        }
        finally
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        return (Collected(), AnswerEnd.Complete, null);

        byte[] Collected() => known is null ? buffer!.ToArray() : got == known.Length ? known : known[..got];
    }
}
