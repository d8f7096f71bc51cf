namespace CometRunway.Core.Downloading;

/// <summary>The verbose sentences of the downloader's events: together they tell the story of each file.</summary>
internal static class DownloadMessages
{
    /// <summary>The line for an event, or null for the events shown otherwise (progress bars, errors).</summary>
    public static string? Verbose(DownloadEvent item) => item switch
    {
        DownloadStarted started => $"Downloading {started.Download.Url.GetLeftPart(UriPartial.Path)} to {started.FinalPath}.",
        DownloadRetrying retrying => $"Retrying {retrying.Download.DisplayPath} (attempt {retrying.NextAttempt}) in {retrying.Delay.TotalSeconds:0.#} s: {retrying.Reason}",
        DownloadLinkRefreshed refreshed => $"The link for {refreshed.Download.DisplayPath} had expired; read task {refreshed.Download.TaskId} again for a fresh one.",
        DownloadCompleted completed => $"Saved {completed.Path} ({completed.Length} bytes{(completed.Attempts > 1 ? $", {completed.Attempts} attempts" : string.Empty)}).",
        DownloadSkipped skipped => $"Skipped {skipped.Path}: {skipped.Reason}",
        _ => null,
    };
}
