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
    private readonly PlannedDownload _download;
    private readonly RunwayDownloaderOptions _options;
    private readonly IRunwayTaskSource? _taskSource;
    private readonly Action<DownloadEvent> _onEvent;
    private readonly BatchProgressTracker? _batch;
    private readonly RedirectFollower _redirects;
    private readonly TransferMeter _meter;
    private readonly AttemptBudget _budget;

    private Uri _url;
    private Uri _answeringUrl;
    private string? _finalPath;
    private PartialFile? _partial;
    private RemoteFile _remote = RemoteFile.Unknown;
    private bool _refreshed;
    private bool _started;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public FileTransfer(
        PlannedDownload download,
        HttpClient client,
        RunwayDownloaderOptions options,
        IRunwayTaskSource? taskSource,
        Action<DownloadEvent> onEvent,
        BatchProgressTracker? batch)
    {
        _download = download;
        _options = options;
        _taskSource = taskSource;
        _onEvent = onEvent;
        _batch = batch;
        _redirects = new RedirectFollower(client, options.MaxRedirects);
        _meter = new TransferMeter(options.ProgressInterval);
        _budget = new AttemptBudget(options.Retry, options.Stall.MinimumBytes, options.MaxWholeFileAttempts, options.Random ?? Random.Shared);
        _url = download.Url;
        _answeringUrl = download.Url;
    }

    private string What => _download.TaskId is { } taskId
        ? $"output {_download.OutputNumber} of task {taskId}"
        : DownloadPlanner.Describe(_download.Url);

    private long Received => _partial?.Length ?? 0;

    public async Task<DownloadFinished> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TransferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DownloadFailed(_download, Error(DownloadErrorKind.Cancelled,
                $"Saving {What} was cancelled; nothing was written at the final path."));
        }
        catch (RunwayDownloadException exception)
        {
            return new DownloadFailed(_download, exception);
        }
        catch (Exception exception)
        {
            // Whatever else went wrong ends this download only: an exception escaping here would fault
            // Parallel.ForEachAsync and silently cancel every other download in the batch.
            return new DownloadFailed(_download, Error(DownloadErrorKind.Unexpected,
                $"Saving {What} failed unexpectedly: {exception.Message}", exception));
        }
        finally
        {
            _partial?.Dispose();
            _partial = null;
            _batch?.Finished(_started);
        }
    }

    private async Task<DownloadFinished> TransferAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        ResumeLeftover();
        while (true)
        {
            _budget.BeginAttempt();
            try
            {
                var finished = await AttemptAsync(cancellationToken).ConfigureAwait(false);
                if (finished is not null)
                {
                    return finished;
                }

                // The link was refreshed: that does not use up an attempt (it happens at most once).
                _budget.Refund();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && AsTransient(exception) is { } problem)
            {
                var (next, why) = _budget.AfterFailure(problem.RetryAfter);
                if (next is not { } delay)
                {
                    var explanation = why.Length == 0 ? string.Empty : " " + why;
                    throw Error(problem.FinalKind,
                        $"Saving {What} failed after {_budget.Attempts} attempt(s): {problem.Message}{explanation}", exception);
                }

                _onEvent(new DownloadRetrying(_download, _budget.Attempts + 1, delay, problem.Message));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <returns>The outcome, or null when the link was refreshed and the attempt should be made again.</returns>
    private async Task<DownloadFinished?> AttemptAsync(CancellationToken cancellationToken)
    {
        using var stall = new StallGuard(_options.Stall, cancellationToken);
        try
        {
            var resumeFrom = Received > 0 && _remote.CanResume ? Received : 0;
            var (response, answeringUrl) = await _redirects.GetAsync(_url, request => AskToResume(request, resumeFrom), Refused, stall.Token)
                .ConfigureAwait(false);
            using var _ = response;
            _answeringUrl = answeringUrl;
            var status = (int)response.StatusCode;

            if (status is 403 or 410)
            {
                if (_download.TaskId is not null && _taskSource is not null && !_refreshed)
                {
                    _refreshed = true;
                    await RefreshLinkAsync(status, cancellationToken).ConfigureAwait(false);
                    Restart();
                    return null;
                }

                throw DownloadErrors.Expired(_download, _answeringUrl, status,
                    _refreshed ? "A fresh link read from the task was refused too." : null);
            }

            if (status == 416 && resumeFrom > 0)
            {
                if (response.Content.Headers.ContentRange?.Length == Received && _remote.Length == Received
                    && (response.Headers.ETag is not { } etag || _remote.ETag is null || etag.Tag == _remote.ETag.Tag))
                {
                    // Everything was here already (a run stopped between the last byte and the move).
                    if (!_started && Start(response) is { } alreadyThere)
                    {
                        return alreadyThere;
                    }

                    return await CompleteAsync().ConfigureAwait(false);
                }

                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.HttpError, $"{_answeringUrl.Host} could not resume (HTTP 416); starting over.");
            }

            if (Transient.IsTransientStatus(response.StatusCode))
            {
                throw new TransientDownloadProblem(DownloadErrorKind.HttpError, $"{_answeringUrl.Host} answered HTTP {status} ({response.ReasonPhrase}).")
                {
                    RetryAfter = RetryAfterHeader.Read(response.Headers, DateTimeOffset.UtcNow),
                };
            }

            if (status is not (200 or 206))
            {
                throw Error(DownloadErrorKind.HttpError,
                    $"Saving {What} failed: {_answeringUrl.Host} answered HTTP {status} ({response.ReasonPhrase}).");
            }

            AcceptResponse(response, resumeFrom);
            if (!_started && Start(response) is { } skipped)
            {
                return skipped;
            }

            OpenPartialFile();
            _partial!.Record(_remote);
            await CopyBodyAsync(response, stall, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadProblem(DownloadErrorKind.Network, stall.Describe(_answeringUrl.Host) + ".", exception);
        }
    }

    private void AskToResume(HttpRequestMessage request, long resumeFrom)
    {
        if (resumeFrom > 0)
        {
            _remote.AskForRest(request, resumeFrom);
        }
    }

    /// <summary>Takes over the partial file a stopped run left for this final path, when its record allows resuming it.</summary>
    private void ResumeLeftover()
    {
        if (_download.FinalPath is { } finalPath && PartialFile.TryResume(finalPath, _options.StalePartialAge, Warn) is { } leftover)
        {
            _partial = leftover;
            _remote = leftover.Recorded ?? RemoteFile.Unknown;
        }
    }

    /// <summary>Raises a warning once per download, however often the same thing is found.</summary>
    private void Warn(string message)
    {
        if (_warned.Add(message))
        {
            _onEvent(new DownloadWarning(_download, message));
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
                throw new TransientDownloadProblem(DownloadErrorKind.Network, $"{_answeringUrl.Host} answered another range than asked; starting over.");
            }

            if (!_remote.IsSameFileAs(answered))
            {
                // The host ignored If-Range: these bytes are the rest of another version of the file.
                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.Network,
                    $"{_answeringUrl.Host} sent the rest of another version of the file (its ETag, Last-Modified or length changed); starting over from the first byte.");
            }
        }
        else
        {
            // A full answer to a Range request: the server ignores ranges, or the file changed (If-Range failed).
            Restart();
            _budget.FromFirstByte();
        }

        _remote = answered;
    }

    /// <summary>Settles the final path on the first answer; returns a skip when an identical file is already there.</summary>
    private DownloadSkipped? Start(HttpResponseMessage response)
    {
        var finalPath = _download.FinalPath
            ?? Path.Combine(_download.Directory, _download.Stem + "." + ContentTypeExtensions.For(response.Content.Headers.ContentType));
        _finalPath = finalPath;

        if (File.Exists(finalPath) || Directory.Exists(finalPath))
        {
            if (_download.SkipIfIdentical && IsIdentical(finalPath))
            {
                return new DownloadSkipped(_download, finalPath,
                    $"'{finalPath}' already has the same length ({_remote.Length} bytes)" + (_remote.LastModified is null ? "." : " and modification time."));
            }

            if (!_download.Overwrite)
            {
                throw DownloadErrors.Exists(_download, finalPath);
            }
        }

        _started = true;
        _batch?.Started(_remote.Length);
        _batch?.Received(Received);
        _onEvent(new DownloadStarted(_download, finalPath, _remote.Length));
        return null;
    }

    private bool IsIdentical(string path)
    {
        var existing = new FileInfo(path);
        return existing.Exists && _remote.Length is { } total && existing.Length == total
            && (_remote.LastModified is not { } lastModified
                || Math.Abs((existing.LastWriteTimeUtc - lastModified.UtcDateTime).TotalSeconds) < 1);
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, StallGuard stall, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
        await DoubleBufferedCopy.CopyAsync(body, _options.BufferSize, stall, chunk => WriteAsync(chunk, cancellationToken), ShortBody)
            .ConfigureAwait(false);

        if (_remote.Length is { } total && Received != total)
        {
            if (Received < total)
            {
                throw ShortBody(null);
            }

            throw Error(DownloadErrorKind.LengthMismatch,
                $"Saving {What} failed: {_answeringUrl.Host} sent {Received} bytes but declared {total}.");
        }

        ReportProgress(force: true);
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await _partial!.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{_partial!.Path}': {exception.Message}", exception);
        }

        _budget.Reached(Received);
        _batch?.Received(chunk.Length);
        ReportProgress(force: false);
    }

    private TransientDownloadProblem ShortBody(Exception? cause) =>
        new(DownloadErrorKind.LengthMismatch,
            _remote.Length is { } total
                ? $"the connection to {_answeringUrl.Host} ended after {Received} of {total} bytes."
                : $"the connection to {_answeringUrl.Host} ended after {Received} bytes.",
            cause);

    private async Task<DownloadFinished> CompleteAsync()
    {
        var finalPath = _finalPath!;
        var partial = _partial!;
        try
        {
            await partial.CloseAsync(_remote.LastModified).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{partial.Path}': {exception.Message}", exception);
        }

        try
        {
            partial.MoveTo(finalPath, _download.Overwrite);
        }
        catch (IOException) when (!_download.Overwrite && Path.Exists(finalPath))
        {
            throw DownloadErrors.Exists(_download, finalPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot move the download to '{finalPath}': {exception.Message}", exception);
        }

        return new DownloadCompleted(_download, finalPath, partial.Length, _url, _budget.Attempts);
    }

    private void EnsureDirectory()
    {
        try
        {
            Directory.CreateDirectory(_download.Directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Error(DownloadErrorKind.NotWritable,
                $"Saving {What} failed: cannot create the directory '{_download.Directory}': {exception.Message}", exception);
        }
    }

    private void OpenPartialFile()
    {
        if (_partial is not null)
        {
            return;
        }

        try
        {
            _partial = PartialFile.CreateBeside(_finalPath!, _options.StalePartialAge, Warn);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable,
                $"Saving {What} failed: cannot create a file in '{_download.Directory}': {exception.Message}", exception);
        }
    }

    /// <summary>Drops what was received: the next bytes start the file again.</summary>
    private void Restart()
    {
        if (Received == 0)
        {
            return;
        }

        if (_started)
        {
            _batch?.Received(-Received);
        }

        _partial!.Restart();
        _meter.Restart();
    }

    private async Task RefreshLinkAsync(int status, CancellationToken cancellationToken)
    {
        RunwayTask task;
        try
        {
            task = await _taskSource!.GetTaskAsync(_download.TaskId!, _download.TaskFormat ?? RunwayTaskFormat.Official, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not only API errors: a task id the client refuses (ArgumentException), a disposed client, and so on.
            throw DownloadErrors.Expired(_download, _answeringUrl, status, $"Reading the task again for a fresh link failed: {exception.Message}");
        }

        if (task.Output.Count <= _download.OutputIndex)
        {
            throw DownloadErrors.Expired(_download, _answeringUrl, status, $"Read again, the task lists {task.Output.Count} output(s).");
        }

        var fresh = task.Output[_download.OutputIndex];
        if (!fresh.IsAbsoluteUri || (fresh.Scheme != Uri.UriSchemeHttp && fresh.Scheme != Uri.UriSchemeHttps))
        {
            throw Error(DownloadErrorKind.InvalidUrl, $"Saving {What} failed: the task read again gave a link that is not http or https.");
        }

        _url = UrlDisplay.WithoutUserInfo(fresh);
        _onEvent(new DownloadLinkRefreshed(_download, _url));
    }

    private void ReportProgress(bool force)
    {
        if (_meter.TryMeasure(Received, _remote.Length, force, out var rate, out var remaining))
        {
            _onEvent(new DownloadProgress(_download, _finalPath!, Received, _remote.Length, rate, remaining));
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
        new(kind, message, inner) { TaskId = _download.TaskId, Url = _download.Url, Path = _finalPath ?? _download.FinalPath };
}
