using CometRunway.Core.Http;

namespace CometRunway.Core.Downloading;

/// <summary>
/// Saves planned downloads: streamed to a temporary file beside the target, length-checked, then moved into
/// place; resumed with Range/If-Range after a drop; expired links refreshed through the task source.
/// Safe to use from many threads; connections are pooled process-wide (<see cref="HttpClients"/>), so instances are cheap.
/// </summary>
internal sealed class RunwayDownloader
{
    private readonly HttpClient client;
    private readonly RunwayDownloaderOptions options;
    private readonly IRunwayTaskSource? taskSource;
    private readonly Action<string>? verbose;

    /// <param name="options">Null for the defaults.</param>
    /// <param name="taskSource">Reads a task again for fresh links when a link expired; null to report expiry as an error.</param>
    /// <param name="verbose">Receives a line as each file starts, is retried, refreshed, saved or skipped (before its event); null = none are built.</param>
    public RunwayDownloader(RunwayDownloaderOptions? options = null, IRunwayTaskSource? taskSource = null, Action<string>? verbose = null)
    {
        this.options = options ?? new RunwayDownloaderOptions();
        this.options.Validate();
        this.taskSource = taskSource;
        this.verbose = verbose;
        client = HttpClients.Files;
    }

    public RunwayDownloaderOptions Options => options;

    /// <summary>Saves one file. Never throws for a failed download: the result says what happened.</summary>
    public Task<DownloadFinished> DownloadAsync(PlannedDownload download, Action<DownloadEvent>? onEvent, CancellationToken cancellationToken) =>
        DownloadAsync(download, WithVerbose(onEvent), batch: null, cancellationToken);

    /// <summary>
    /// Saves every download, <see cref="RunwayDownloaderOptions.ThrottleLimit"/> at a time, raising events
    /// (batch progress included) on any thread. Returns the outcomes in completion order.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; every started download has been cleaned up and reported first.</exception>
    public async Task<IReadOnlyList<DownloadFinished>> DownloadAllAsync(
        IEnumerable<PlannedDownload> downloads, Action<DownloadEvent>? onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloads);
        var list = downloads.ToList();
        var results = new List<DownloadFinished>(list.Count);
        await RunBatchAsync((options, body) => Parallel.ForEachAsync(list, options, body), list.Count, onEvent, results, cancellationToken)
            .ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// As above, for downloads that keep arriving (a cmdlet planning in ProcessRecord); the batch total is unknown.
    /// The outcomes are only raised as events (<see cref="DownloadFinished"/>), not kept, however long the run.
    /// </summary>
    public Task DownloadAllAsync(IAsyncEnumerable<PlannedDownload> downloads, Action<DownloadEvent>? onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloads);
        return RunBatchAsync((options, body) => Parallel.ForEachAsync(downloads, options, body), null, onEvent, results: null, cancellationToken);
    }

    private async Task RunBatchAsync(
        Func<ParallelOptions, Func<PlannedDownload, CancellationToken, ValueTask>, Task> forEach,
        int? total,
        Action<DownloadEvent>? onEvent,
        List<DownloadFinished>? results,
        CancellationToken cancellationToken)
    {
        var sink = WithVerbose(onEvent);
        var batch = new BatchProgressTracker(sink, total, options.ProgressInterval);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ThrottleLimit, CancellationToken = cancellationToken };
        try
        {
            await forEach(parallel, async (download, token) =>
            {
                var result = await DownloadAsync(download, sink, batch, token).ConfigureAwait(false);
                if (results is not null)
                {
                    lock (results)
                    {
                        results.Add(result);
                    }
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            batch.Report();
        }
    }

    private Action<DownloadEvent> WithVerbose(Action<DownloadEvent>? onEvent)
    {
        var report = onEvent ?? (_ => { });
        if (verbose is not { } log)
        {
            return report;
        }

        return item =>
        {
            if (DownloadMessages.Verbose(item) is { } line)
            {
                log(line);
            }

            report(item);
        };
    }

    private async Task<DownloadFinished> DownloadAsync(
        PlannedDownload download, Action<DownloadEvent> onEvent, BatchProgressTracker? batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(download);
        var transfer = new FileTransfer(download, client, options, taskSource, onEvent, batch);
        var result = await transfer.RunAsync(cancellationToken).ConfigureAwait(false);
        onEvent(result);
        return result;
    }
}
