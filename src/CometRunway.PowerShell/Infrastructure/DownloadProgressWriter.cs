using CometRunway.Core.Downloading;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Shows the downloader's (already throttled) progress: the batch as parent, each file as a child.</summary>
internal sealed class DownloadProgressWriter
{
    private readonly ProgressTree tree;

    public DownloadProgressWriter(ProgressTree tree) => this.tree = tree;

    public void Show(DownloadBatchProgress batch)
    {
        var files = batch.FilesTotal is { } total ? $"{batch.FilesFinished} of {total} files" : $"{batch.FilesFinished} files done, {batch.FilesActive} in progress";
        var percent = batch.BytesExpected is > 0 ? (int)(100 * batch.BytesReceived / batch.BytesExpected.Value)
            : batch.FilesTotal is > 0 ? 100 * batch.FilesFinished / batch.FilesTotal.Value : 0;
        tree.ShowParent($"{files}, {Bytes(batch.BytesReceived)} at {Bytes((long)batch.BytesPerSecond)}/s", percent);
    }

    public void Show(DownloadProgress file)
    {
        var of = file.TotalBytes is { } total ? $" of {Bytes(total)}" : string.Empty;
        tree.ShowChild(
            file.FinalPath,
            "Saving " + Path.GetFileName(file.FinalPath),
            $"{Bytes(file.BytesReceived)}{of} at {Bytes((long)file.BytesPerSecond)}/s",
            file.PercentComplete,
            file.EstimatedRemaining is { } eta ? (int)Math.Ceiling(eta.TotalSeconds) : null,
            file.Download.Url.GetLeftPart(UriPartial.Path));
    }

    public void Finished(DownloadFinished finished)
    {
        if (finished.Path is { } path)
        {
            tree.CompleteChild(path);
        }
    }

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0} KiB",
        _ => $"{bytes} B",
    };
}
