using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Downloading;

/// <summary>
/// One planned download from first request to final move. Used once, by one task at a time; the file at the
/// final path only ever appears by an atomic move of a complete, length-checked temporary file.
/// </summary>
internal sealed class FileTransfer
{
    private readonly PlannedDownload _download;
    private readonly HttpClient _client;
    private readonly RunwayDownloaderOptions _options;
    private readonly IRunwayTaskSource? _taskSource;
    private readonly Action<DownloadEvent> _onEvent;
    private readonly BatchProgressTracker? _batch;
    private readonly Random _random;
    private readonly Stopwatch _clock = new();

    private Uri _url;
    private Uri _answeringUrl;
    private string? _finalPath;
    private string? _tempPath;
    private FileStream? _file;
    private long _received;
    private long? _total;
    private EntityTagHeaderValue? _etag;
    private DateTimeOffset? _lastModified;
    private bool _refreshed;
    private bool _started;
    private int _attempts;
    private long _furthest;
    private TimeSpan? _failingSince;
    private long _lastReportTicks;
    private long _bytesAtLastReport;
    private double _rate;

    public FileTransfer(
        PlannedDownload download,
        HttpClient client,
        RunwayDownloaderOptions options,
        IRunwayTaskSource? taskSource,
        Action<DownloadEvent> onEvent,
        BatchProgressTracker? batch)
    {
        _download = download;
        _client = client;
        _options = options;
        _taskSource = taskSource;
        _onEvent = onEvent;
        _batch = batch;
        _random = options.Random ?? Random.Shared;
        _url = download.Url;
        _answeringUrl = download.Url;
    }

    private string What => _download.TaskId is { } taskId
        ? $"output {_download.OutputNumber} of task {taskId}"
        : DownloadPlanner.Describe(_download.Url);

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
            DiscardTemporaryFile();
            _batch?.Finished(_started);
        }
    }

    private async Task<DownloadFinished> TransferAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        _clock.Start();
        while (true)
        {
            _attempts++;
            try
            {
                var finished = await AttemptAsync(cancellationToken).ConfigureAwait(false);
                if (finished is not null)
                {
                    return finished;
                }

                // The link was refreshed: that does not use up an attempt (it happens at most once).
                _attempts--;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && AsTransient(exception) is { } problem)
            {
                var decision = DecideRetry(problem);
                if (decision.Delay is not { } delay)
                {
                    var explanation = decision.Explanation.Length == 0 ? string.Empty : " " + decision.Explanation;
                    throw Error(problem.FinalKind,
                        $"Saving {What} failed after {_attempts} attempt(s): {problem.Message}{explanation}", exception);
                }

                _onEvent(new DownloadRetrying(_download, _attempts + 1, delay, problem.Message));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <returns>The outcome, or null when the link was refreshed and the attempt should be made again.</returns>
    private async Task<DownloadFinished?> AttemptAsync(CancellationToken cancellationToken)
    {
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(_options.StallTimeout);
        var token = attemptCancellation.Token;
        try
        {
            var resumeFrom = _received > 0 && HasValidator ? _received : 0;
            using var response = await SendFollowingRedirectsAsync(resumeFrom, token).ConfigureAwait(false);
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
                if (response.Content.Headers.ContentRange?.Length == _received)
                {
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

            OpenTemporaryFile();
            await CopyBodyAsync(response, attemptCancellation, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadProblem(DownloadErrorKind.Network,
                $"{_answeringUrl.Host} sent nothing for {_options.StallTimeout.TotalSeconds:0} s.", exception);
        }
    }

    private bool HasValidator => _etag is not null || _lastModified is not null;

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(long resumeFrom, CancellationToken token)
    {
        var url = _url;
        for (var hop = 0; ; hop++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, WithoutUserInfo(url));
            if (resumeFrom > 0)
            {
                request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
                request.Headers.IfRange = _etag is not null
                    ? new RangeConditionHeaderValue(_etag)
                    : new RangeConditionHeaderValue(_lastModified!.Value);
            }

            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect) || response.Headers.Location is not { } location)
            {
                _answeringUrl = url;
                return response;
            }

            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(url, location);
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            {
                throw Error(DownloadErrorKind.InvalidUrl,
                    $"Saving {What} failed: {url.Host} redirected to a '{next.Scheme}:' URL, and only http and https redirects are followed.");
            }

            if (hop >= _options.MaxRedirects)
            {
                throw Error(DownloadErrorKind.InvalidUrl,
                    $"Saving {What} failed: more than {_options.MaxRedirects} redirects, starting at {_url.Host}.");
            }

            url = next;
        }
    }

    /// <summary>Checks a 200 or 206 against what is already received and learns the length and validators.</summary>
    private void AcceptResponse(HttpResponseMessage response, long resumeFrom)
    {
        var headers = response.Content.Headers;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = headers.ContentRange;
            if (resumeFrom == 0 || range is not { HasRange: true, HasLength: true } || range.From != resumeFrom)
            {
                Restart();
                throw new TransientDownloadProblem(DownloadErrorKind.Network, $"{_answeringUrl.Host} answered another range than asked; starting over.");
            }

            _total = range.Length;
        }
        else
        {
            // A full answer to a Range request: the server ignores ranges, or the file changed (If-Range failed).
            Restart();
            _total = headers.ContentLength;
        }

        _etag = response.Headers.ETag is { IsWeak: false } etag ? etag : null;
        _lastModified = headers.LastModified;
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
                    $"'{finalPath}' already has the same length ({_total} bytes)" + (_lastModified is null ? "." : " and modification time."));
            }

            if (!_download.Overwrite)
            {
                throw DownloadErrors.Exists(_download, finalPath);
            }
        }

        _started = true;
        _batch?.Started(_total);
        _onEvent(new DownloadStarted(_download, finalPath, _total));
        return null;
    }

    private bool IsIdentical(string path)
    {
        var existing = new FileInfo(path);
        return existing.Exists && _total is { } total && existing.Length == total
            && (_lastModified is not { } lastModified
                || Math.Abs((existing.LastWriteTimeUtc - lastModified.UtcDateTime).TotalSeconds) < 1);
    }

    /// <summary>
    /// Copies the body to the temporary file with two buffers: the next read from the network runs while the
    /// previous chunk is written, so neither side waits for the other. Memory: two buffers, whatever the size.
    /// </summary>
    private async Task CopyBodyAsync(HttpResponseMessage response, CancellationTokenSource stallTimer, CancellationToken cancellationToken)
    {
        var file = _file!;
        var size = _options.BufferSize;
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(size), ArrayPool<byte>.Shared.Rent(size)];
        Task<int>? pendingRead = null;
        var body = await response.Content.ReadAsStreamAsync(stallTimer.Token).ConfigureAwait(false);
        try
        {
            var current = 0;
            pendingRead = ReadChunkAsync(body, buffers[current].AsMemory(0, size), stallTimer);
            while (true)
            {
                var read = await pendingRead.ConfigureAwait(false);
                pendingRead = null;
                if (read == 0)
                {
                    break;
                }

                var filled = buffers[current];
                current ^= 1;
                pendingRead = ReadChunkAsync(body, buffers[current].AsMemory(0, size), stallTimer);
                await WriteAsync(file, filled, read, cancellationToken).ConfigureAwait(false);
                _received += read;
                _batch?.Received(read);
                ReportProgress(force: false);
            }
        }
        finally
        {
            await body.DisposeAsync().ConfigureAwait(false);
            if (pendingRead is not null)
            {
                // A read may still be filling a buffer: let it end (disposing the body stops it) before the buffers go back.
                try
                {
                    await pendingRead.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is TransientDownloadProblem or OperationCanceledException or ObjectDisposedException)
                {
                }
            }

            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        if (_total is { } total && _received != total)
        {
            if (_received < total)
            {
                throw ShortBody(null);
            }

            throw Error(DownloadErrorKind.LengthMismatch,
                $"Saving {What} failed: {_answeringUrl.Host} sent {_received} bytes but declared {total}.");
        }

        ReportProgress(force: true);
    }

    private async Task<int> ReadChunkAsync(Stream body, Memory<byte> buffer, CancellationTokenSource stallTimer)
    {
        // Restart the stall timer for every read: slow is fine, silent is not.
        stallTimer.CancelAfter(_options.StallTimeout);
        try
        {
            return await body.ReadAsync(buffer, stallTimer.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw ShortBody(exception);
        }
    }

    private TransientDownloadProblem ShortBody(Exception? cause) =>
        new(DownloadErrorKind.LengthMismatch,
            _total is { } total
                ? $"the connection to {_answeringUrl.Host} ended after {_received} of {total} bytes."
                : $"the connection to {_answeringUrl.Host} ended after {_received} bytes.",
            cause);

    private async Task WriteAsync(FileStream file, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{_tempPath}': {exception.Message}", exception);
        }
    }

    private async Task<DownloadFinished> CompleteAsync()
    {
        var finalPath = _finalPath!;
        var tempPath = _tempPath!;
        try
        {
            await _file!.FlushAsync().ConfigureAwait(false);
            await _file.DisposeAsync().ConfigureAwait(false);
            _file = null;
            if (_lastModified is { } lastModified)
            {
                File.SetLastWriteTimeUtc(tempPath, lastModified.UtcDateTime);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot write '{tempPath}': {exception.Message}", exception);
        }

        try
        {
            // Without Force, a move that would replace a file fails: a file that appeared meanwhile is never clobbered.
            File.Move(tempPath, finalPath, overwrite: _download.Overwrite);
        }
        catch (IOException) when (!_download.Overwrite && Path.Exists(finalPath))
        {
            throw DownloadErrors.Exists(_download, finalPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Error(DownloadErrorKind.NotWritable, $"Saving {What} failed: cannot move the download to '{finalPath}': {exception.Message}", exception);
        }

        _tempPath = null;
        return new DownloadCompleted(_download, finalPath, _received, _url, _attempts);
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

    private void OpenTemporaryFile()
    {
        if (_file is not null)
        {
            return;
        }

        var tempPath = $"{_finalPath}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.partial";
        try
        {
            _file = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous,
            });
            _tempPath = tempPath;
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
        if (_received == 0)
        {
            return;
        }

        _batch?.Received(-_received);
        _received = 0;
        _bytesAtLastReport = 0;
        if (_file is not null)
        {
            _file.SetLength(0);
            _file.Position = 0;
        }
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

        _url = fresh;
        _onEvent(new DownloadLinkRefreshed(_download, fresh));
    }

    private void ReportProgress(bool force)
    {
        var now = _clock.ElapsedTicks;
        var elapsed = (now - _lastReportTicks) / (double)Stopwatch.Frequency;
        if (!force && elapsed < _options.ProgressInterval.TotalSeconds)
        {
            return;
        }

        if (elapsed > 0)
        {
            var instant = (_received - _bytesAtLastReport) / elapsed;
            _rate = _rate == 0 ? instant : (0.7 * instant) + (0.3 * _rate);
        }

        _lastReportTicks = now;
        _bytesAtLastReport = _received;
        TimeSpan? remaining = _total is { } total && _rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - _received) / _rate) : null;
        _onEvent(new DownloadProgress(_download, _finalPath!, _received, _total, _rate, remaining));
    }

    /// <summary>
    /// Another attempt while the retry budget lasts; the budget counts from the first failure since the file last
    /// grew, so a long download that drops now and then keeps going while each attempt moves it forward.
    /// </summary>
    private RetryDecision DecideRetry(TransientDownloadProblem problem)
    {
        if (_received > _furthest || _failingSince is null)
        {
            _furthest = Math.Max(_furthest, _received);
            _failingSince = _clock.Elapsed;
        }

        lock (_random)
        {
            return _options.Retry.Decide(_attempts, _clock.Elapsed - _failingSince.Value, problem.RetryAfter, _random);
        }
    }

    private static TransientDownloadProblem? AsTransient(Exception exception) => exception switch
    {
        TransientDownloadProblem problem => problem,
        HttpRequestException request => new TransientDownloadProblem(DownloadErrorKind.Network, $"the request failed: {request.Message}", request),
        IOException io => new TransientDownloadProblem(DownloadErrorKind.Network, $"the connection failed: {io.Message}", io),
        _ => null,
    };

    private static Uri WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;

    private RunwayDownloadException Error(DownloadErrorKind kind, string message, Exception? inner = null) =>
        new(kind, message, inner) { TaskId = _download.TaskId, Url = _download.Url, Path = _finalPath ?? _download.FinalPath };

    private void DiscardTemporaryFile()
    {
        try
        {
            _file?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file we are about to delete; nothing to save.
        }

        _file = null;
        if (_tempPath is not null)
        {
            try
            {
                File.Delete(_tempPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: the .partial name never looks like a finished file.
            }

            _tempPath = null;
        }
    }
}
