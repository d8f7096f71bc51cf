namespace CometRunway.Core.Downloading;

/// <summary>The messages users read when a download fails: what happened and what to do next.</summary>
internal static class DownloadErrors
{
    public static RunwayDownloadException Exists(PlannedDownload download, string finalPath) =>
        new(DownloadErrorKind.ResourceExists,
            $"The file '{finalPath}' already exists. Use -Force to replace it, -SkipIdentical to keep it when it is the same file, or another -Path or -NameTemplate.")
        { TaskId = download.TaskId, Url = download.Url, Path = finalPath };

    public static RunwayDownloadException Expired(PlannedDownload download, Uri url, int status, string? refreshProblem)
    {
        var host = url.Host;
        var message = download.TaskId is { } taskId
            ? $"The link to output {download.OutputNumber} of task {taskId} has expired (HTTP {status} from {host}). Read the task again (Get-RunwayTask -Id {taskId}) for fresh links and save again."
            : $"The link has expired or is not authorized (HTTP {status} from {host}). Runway output links are signed and expire after 24 to 48 hours: read the task again (Get-RunwayTask) for fresh links and save again.";
        if (refreshProblem is not null)
        {
            message += " " + refreshProblem;
        }

        return new RunwayDownloadException(DownloadErrorKind.LinkExpired, message)
        { TaskId = download.TaskId, Url = download.Url, Path = download.FinalPath };
    }
}
