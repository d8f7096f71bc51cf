namespace CometRunway.Core.Downloading;

/// <summary>
/// Something that happened while downloading. Raised on any thread; the cmdlet posts it to the pipeline
/// thread and turns it into progress, verbose, output or error records.
/// </summary>
public abstract record DownloadEvent;

/// <summary>An event about one planned download.</summary>
internal abstract record DownloadItemEvent(PlannedDownload Download) : DownloadEvent
{
    public string? TaskId => Download.TaskId;
}

/// <summary>The first response arrived and the final path is settled.</summary>
internal sealed record DownloadStarted(PlannedDownload Download, string FinalPath, long? TotalBytes) : DownloadItemEvent(Download);

/// <summary>Bytes received so far for one file; at most about once a second per file, plus once at the end.</summary>
internal sealed record DownloadProgress(
    PlannedDownload Download,
    string FinalPath,
    long BytesReceived,
    long? TotalBytes,
    double BytesPerSecond,
    TimeSpan? EstimatedRemaining) : DownloadItemEvent(Download)
{
    /// <summary>0–100, or null when the length is unknown.</summary>
    public int? PercentComplete => TotalBytes is > 0 ? (int)Math.Min(100, BytesReceived * 100 / TotalBytes.Value) : null;
}

/// <summary>A transfer failed in a way worth another attempt (the next one resumes when it can).</summary>
internal sealed record DownloadRetrying(PlannedDownload Download, int NextAttempt, TimeSpan Delay, string Reason) : DownloadItemEvent(Download);

/// <summary>Something the user should know that does not stop the download, such as a leftover that is left alone.</summary>
internal sealed record DownloadWarning(PlannedDownload Download, string Message) : DownloadItemEvent(Download);

/// <summary>The link had expired; fresh links were read from the task.</summary>
internal sealed record DownloadLinkRefreshed(PlannedDownload Download, Uri NewUrl) : DownloadItemEvent(Download);

/// <summary>The end of one download: exactly one of completed, skipped or failed is raised per download started.</summary>
internal abstract record DownloadFinished(PlannedDownload Download) : DownloadItemEvent(Download)
{
    /// <summary>The final path: where the file is now, or for a failure where it would have gone (null when that was never settled).</summary>
    public abstract string? Path { get; }
}

/// <summary>The file is complete and in place at <see cref="Path"/>; <see cref="Url"/> is the link that served it.</summary>
internal sealed record DownloadCompleted(PlannedDownload Download, string Path, long Length, Uri Url, int Attempts) : DownloadFinished(Download)
{
    public override string Path { get; } = Path;
}

/// <summary>An identical file was already at <see cref="Path"/>; nothing was written.</summary>
internal sealed record DownloadSkipped(PlannedDownload Download, string Path, string Reason) : DownloadFinished(Download)
{
    public override string Path { get; } = Path;
}

/// <summary>The download failed; nothing was left at the final path.</summary>
internal sealed record DownloadFailed(PlannedDownload Download, RunwayDownloadException Error) : DownloadFinished(Download)
{
    public override string? Path => Error.Path;

    public DownloadErrorKind Kind => Error.Kind;

    public string Message => Error.Message;
}

/// <summary>The whole batch: at most about once a second, plus once when it ends.</summary>
internal sealed record DownloadBatchProgress(
    int FilesFinished,
    int? FilesTotal,
    int FilesActive,
    long BytesReceived,
    long? BytesExpected,
    double BytesPerSecond) : DownloadEvent;
