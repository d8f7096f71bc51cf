using System.Net;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Downloading;

/// <summary>
/// One planned download from first request to final move: the attempt loop, resuming, refreshing an expired link
/// and skipping an identical file. Used once, by one task at a time; the file at the final path only ever appears
/// by an atomic move of a complete, length-checked <see cref="PartialFile"/>.
/// </summary>
internal sealed class FileTransfer
{
    private readonly PlannedDownload download;
    private readonly RunwayDownloaderOptions options;
    private readonly IRunwayTaskSource? taskSource;
    private readonly Action<DownloadEvent> onEvent;
    private readonly BatchProgressTracker? batch;
    private readonly RedirectFollower redirects;
    private readonly TransferMeter meter;
    private readonly AttemptBudget budget;

    private Uri url;
    private Uri answeringUrl;
    private string? finalPath;
    private PartialFile? partial;
    private RemoteFile remote = RemoteFile.Unknown;
    private bool refreshed;
    private bool started;
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);

    public FileTransfer(
        PlannedDownload download,
        HttpClient client,
        RunwayDownloaderOptions options,
        IRunwayTaskSource? taskSource,
        Action<DownloadEvent> onEvent,
        BatchProgressTracker? batch)
    {
        this.download = download;
        this.options = options;
        this.taskSource = taskSource;
        this.onEvent = onEvent;
        this.batch = batch;
        redirects = new RedirectFollower(client, options.MaxRedirects);
        meter = new TransferMeter(options.ProgressInterval);
        budget = new AttemptBudget(options.Retry, options.Stall.MinimumBytes, options.MaxWholeFileAttempts, options.Random ?? Random.Shared);
        url = download.Url;
        answeringUrl = download.Url;
    }

    private string What => download.TaskId is { } taskId
        ? $"output {download.OutputNumber} of task {taskId}"
        : UrlDisplay.Describe(download.Url);

    private long Received => partial?.Length ?? 0;

    public async Task<DownloadFinished> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TransferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DownloadFailed(download, Error(DownloadErrorKind.Cancelled,
                $"Saving {What} was cancelled; nothing was written at the final path."));
        }
        catch (RunwayDownloadException exception)
        {
            return new DownloadFailed(download, exception);
        }
        catch (Exception exception)
        {
            // Whatever else went wrong ends this download only: an exception escaping here would fault
            // Parallel.ForEachAsync and silently cancel every other download in the batch.
            return new DownloadFailed(download, Error(DownloadErrorKind.Unexpected,
                $"Saving {What} failed unexpectedly: {exception.Message}", exception));
        }
        finally
        {
            partial?.Dispose();
            partial = null;
            batch?.Finished(started);
        }
    }

    private async Task<DownloadFinished> TransferAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        ResumeLeftover();
        while (true)
        {
            budget.BeginAttempt();
            try
            {
                var finished = await AttemptAsync(cancellationToken).ConfigureAwait(false);
                if (finished is not null)
                {
                    return finished;
                }

                // The link was refreshed: that does not use up an attempt (it happens at most once).
                budget.Refund();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && AsTransient(exception) is { } problem)
            {
                var (next, why) = budget.AfterFailure(problem.RetryAfter);
                if (next is not { } delay)
                {
                    var explanation = why.Length == 0 ? string.Empty : " " + why;
                    throw Error(problem.FinalKind,
                        $"Saving {What} failed after {budget.Attempts} attempt(s): {problem.Message}{explanation}", exception);
                }

                onEvent(new DownloadRetrying(download, budget.Attempts + 1, delay, problem.Message));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <returns>The outcome, or null when the link was refreshed and the attempt should be made again.</returns>
    private async Task<DownloadFinished?> AttemptAsync(CancellationToken cancellationToken)
    {
        using var stall = new StallGuard(options.Stall, cancellationToken);
        try
        {
            var resumeFrom = Received > 0 && remote.CanResume ? Received : 0;
            var (response, answeringUrl) = await redirects.GetAsync(url, request => AskToResume(request, resumeFrom), Refused, stall.Token)
                .ConfigureAwait(false);
            using var _ = response;
            this.answeringUrl = answeringUrl;
            var status = (int)response.StatusCode;

            if (status is 403 or 410)
            {
                if (download.TaskId is not null && taskSource is not null && !refreshed)
                {
                    refreshed = true;
                    await RefreshLinkAsync(status, cancellationToken).ConfigureAwait(false);
                    Restart();
                    return null;
                }

                throw DownloadErrors.Expired(download, answeringUrl, status,
                    refreshed ? "A fresh link read from the task was refused too." : null);
            }

            if (status == 416 && resumeFrom > 0)
            {
                if (response.Content.Headers.ContentRange?.Length == Received && remote.Length == Received
                    && (response.Headers.ETag is not { } etag || remote.ETag is null || etag.Tag == remote.ETag.Tag))
                {
                    // Everything was here already (a run stopped between the last byte and the move).
                    if (!started && Start(response) is { } alreadyThere)
                    {
                        return alreadyThere;
                    }

                    return await CompleteAsync().ConfigureAwait(false);
                }

                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.HttpError, $"{answeringUrl.Host} could not resume (HTTP 416); starting over.");
            }

            if (Transient.IsTransientStatus(response.StatusCode))
            {
                throw new TransientDownloadProblem(DownloadErrorKind.HttpError, $"{answeringUrl.Host} answered HTTP {status} ({response.ReasonPhrase}).")
                {
                    RetryAfter = RetryAfterHeader.Read(response.Headers, DateTimeOffset.UtcNow),
                };
            }

            if (status is not (200 or 206))
            {
                throw Error(DownloadErrorKind.HttpError,
                    $"Saving {What} failed: {answeringUrl.Host} answered HTTP {status} ({response.ReasonPhrase}).");
            }

            AcceptResponse(response, resumeFrom);
            if (!started && Start(response) is { } skipped)
            {
                return skipped;
            }

            OpenPartialFile();
            partial!.Record(remote);
            await CopyBodyAsync(response, stall, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadProblem(DownloadErrorKind.Network, stall.Describe(answeringUrl.Host) + ".", exception);
        }
    }

    private void AskToResume(HttpRequestMessage request, long resumeFrom)
    {
        if (resumeFrom > 0)
        {
            remote.AskForRest(request, resumeFrom);
        }
    }

    /// <summary>Takes over the partial file a stopped run left for this final path, when its record allows resuming it.</summary>
    private void ResumeLeftover()
    {
        if (download.FinalPath is { } finalPath && PartialFile.TryResume(finalPath, options.StalePartialAge, Warn) is { } leftover)
        {
            partial = leftover;
            remote = leftover.Recorded ?? RemoteFile.Unknown;
        }
    }

    /// <summary>Raises a warning once per download, however often the same thing is found.</summary>
    private void Warn(string message)
    {
        if (warned.Add(message))
        {
            onEvent(new DownloadWarning(download, message));
        }
    }

    private RunwayDownloadException Refused(string reason) => Error(DownloadErrorKind.InvalidUrl, $"Saving {What} failed: {reason}");

    /// <summary>
    /// Checks a 200 or 206 against what is already received and learns the length and validators. A 206 is taken only
    /// when it is the rest of the same file from where ours ends; anything else starts the file over.
    /// </summary>
    private void AcceptResponse(HttpResponseMessage response, long resumeFrom)
    {
        var answered = RemoteFile.From(response);
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (resumeFrom == 0 || range is not { HasRange: true, HasLength: true } || range.From != resumeFrom)
            {
                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.Network, $"{answeringUrl.Host} answered another range than asked; starting over.");
            }

            if (!remote.IsSameFileAs(answered))
            {
                // The host ignored If-Range: these bytes are the rest of another version of the file.
                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.Network,
                    $"{answeringUrl.Host} sent the rest of another version of the file (its ETag, Last-Modified or length changed); starting over from the first byte.");
            }
        }
        else
        {
            // A full answer to a Range request: the server ignores ranges, or the file changed (If-Range failed).
            Restart();
            budget.FromFirstByte();
        }

        remote = answered;
    }

    /// <summary>Settles the final path on the first answer; returns a skip when an identical file is already there.</summary>
    private DownloadSkipped? Start(HttpResponseMessage response)
    {
        var finalPath = download.FinalPath
            ?? Path.Combine(download.Directory, download.Stem + "." + ContentTypeExtensions.For(response.Content.Headers.ContentType));
        this.finalPath = finalPath;

        if (File.Exists(finalPath) || Directory.Exists(finalPath))
        {
            if (download.SkipIfIdentical && IsIdentical(finalPath))
            {
                return new DownloadSkipped(download, finalPath,
                    $"'{finalPath}' already has the same length ({remote.Length} bytes)" + (remote.LastModified is null ? "." : " and modification time."));
            }

            if (!download.Overwrite)
            {
                throw DownloadErrors.Exists(download, finalPath);
            }
        }

        started = true;
        batch?.Started(remote.Length);
        batch?.Received(Received);
        onEvent(new DownloadStarted(download, finalPath, remote.Length));
        return null;
    }

    private bool IsIdentical(string path)
    {
        var existing = new FileInfo(path);
        return existing.Exists && remote.Length is { } total && existing.Length == total
            && (remote.LastModified is not { } lastModified
                || Math.Abs((existing.LastWriteTimeUtc - lastModified.UtcDateTime).TotalSeconds) < 1);
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, StallGuard stall, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
        await DoubleBufferedCopy.CopyAsync(body, options.BufferSize, stall, chunk => WriteAsync(chunk, cancellationToken), ShortBody)
            .ConfigureAwait(false);

        if (remote.Length is { } total && Received != total)
        {
            if (Received < total)
            {
                throw ShortBody(null);
            }

            throw Error(DownloadErrorKind.LengthMismatch,
                $"Saving {What} failed: {answeringUrl.Host} sent {Received} bytes but declared {total}.");
        }

        ReportProgress(force: true);
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await partial!.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{partial!.Path}': {exception.Message}", exception);
        }

        budget.Reached(Received);
        batch?.Received(chunk.Length);
        ReportProgress(force: false);
    }

    private TransientDownloadProblem ShortBody(Exception? cause) =>
        new(DownloadErrorKind.LengthMismatch,
            remote.Length is { } total
                ? $"the connection to {answeringUrl.Host} ended after {Received} of {total} bytes."
                : $"the connection to {answeringUrl.Host} ended after {Received} bytes.",
            cause);

    private async Task<DownloadFinished> CompleteAsync()
    {
        var destination = finalPath!;
        var file = partial!;
        try
        {
            await file.CloseAsync(remote.LastModified).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{file.Path}': {exception.Message}", exception);
        }

        try
        {
            file.MoveTo(destination, download.Overwrite);
        }
        catch (IOException) when (!download.Overwrite && Path.Exists(destination))
        {
            throw DownloadErrors.Exists(download, destination);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot move the download to '{destination}': {exception.Message}", exception);
        }

        return new DownloadCompleted(download, destination, file.Length, url, budget.Attempts);
    }

    private void EnsureDirectory()
    {
        try
        {
            Directory.CreateDirectory(download.Directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Error(DownloadErrorKind.NotWritable,
                $"Saving {What} failed: cannot create the directory '{download.Directory}': {exception.Message}", exception);
        }
    }

    private void OpenPartialFile()
    {
        if (partial is not null)
        {
            return;
        }

        try
        {
            partial = PartialFile.CreateBeside(finalPath!, options.StalePartialAge, Warn);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable,
                $"Saving {What} failed: cannot create a file in '{download.Directory}': {exception.Message}", exception);
        }
    }

    /// <summary>Drops what was received: the next bytes start the file again.</summary>
    private void Restart()
    {
        if (Received == 0)
        {
            return;
        }

        if (started)
        {
            batch?.Received(-Received);
        }

        partial!.Restart();
        meter.Restart();
    }

    private async Task RefreshLinkAsync(int status, CancellationToken cancellationToken)
    {
        RunwayTask task;
        try
        {
            task = await taskSource!.GetTaskAsync(download.TaskId!, download.TaskFormat ?? RunwayTaskFormat.Official, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not only API errors: a task id the client refuses (ArgumentException), a disposed client, and so on.
            throw DownloadErrors.Expired(download, answeringUrl, status, $"Reading the task again for a fresh link failed: {exception.Message}");
        }

        if (task.Output.Count <= download.OutputIndex)
        {
            throw DownloadErrors.Expired(download, answeringUrl, status, $"Read again, the task lists {task.Output.Count} output(s).");
        }

        var fresh = task.Output[download.OutputIndex];
        if (!fresh.IsAbsoluteUri || (fresh.Scheme != Uri.UriSchemeHttp && fresh.Scheme != Uri.UriSchemeHttps))
        {
            throw Error(DownloadErrorKind.InvalidUrl, $"Saving {What} failed: the task read again gave a link that is not http or https.");
        }

        url = UrlDisplay.WithoutUserInfo(fresh);
        onEvent(new DownloadLinkRefreshed(download, url));
    }

    private void ReportProgress(bool force)
    {
        if (meter.TryMeasure(Received, remote.Length, force, out var rate, out var remaining))
        {
            onEvent(new DownloadProgress(download, finalPath!, Received, remote.Length, rate, remaining));
        }
    }

    private static TransientDownloadProblem? AsTransient(Exception exception) => exception switch
    {
        TransientDownloadProblem problem => problem,
        HttpRequestException request => new TransientDownloadProblem(DownloadErrorKind.Network, $"the request failed: {request.Message}", request),
        IOException io => new TransientDownloadProblem(DownloadErrorKind.Network, $"the connection failed: {io.Message}", io),
        _ => null,
    };

    private RunwayDownloadException Error(DownloadErrorKind kind, string message, Exception? inner = null) =>
        new(kind, message, inner) { TaskId = download.TaskId, Url = download.Url, Path = finalPath ?? download.FinalPath };
}
