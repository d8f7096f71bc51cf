using System.Security.Cryptography;

namespace CometRunway.Core.Downloading;

/// <summary>
/// The temporary file beside a final path that a download is written to: named so it never looks finished,
/// emptied to start over, and moved into place only once complete. It is <c>name.partial</c>, with what the host
/// said of the file recorded in <c>name.partial.resume</c>, so that after the process was killed the next run
/// resumes it; while another run holds that name, a one-off <c>name.xxxxxxxx.partial</c> is used instead.
/// Leftovers older than the stale age are removed whenever the same target is downloaded again.
/// </summary>
internal sealed class PartialFile : IDisposable
{
    public const string Suffix = ".partial";
    public const string ResumeSuffix = ".resume";

    private FileStream? stream;
    private readonly bool resumable;
    private bool moved;

    private PartialFile(string path, FileStream stream, bool resumable)
    {
        Path = path;
        this.stream = stream;
        this.resumable = resumable;
        Length = stream.Length;
    }

    public string Path { get; }

    /// <summary>Bytes in the file.</summary>
    public long Length { get; private set; }

    /// <summary>What a run that was stopped had recorded for the bytes already here; null when there are none.</summary>
    public RemoteFile? Recorded { get; private set; }

    private string ResumePath => Path + ResumeSuffix;

    /// <summary>
    /// Removes leftovers for <paramref name="finalPath"/> older than <paramref name="staleAge"/>, then takes over a
    /// recent one with a recorded validator, positioned at its end. Null when there is none to take over.
    /// </summary>
    public static PartialFile? TryResume(string finalPath, TimeSpan staleAge)
    {
        RemoveStale(finalPath, staleAge);
        var path = finalPath + Suffix;
        if (!File.Exists(path))
        {
            return null;
        }

        PartialFile partial;
        try
        {
            partial = new PartialFile(path, Open(path, FileMode.Open), resumable: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // Another run is writing it, or it cannot be opened: this run starts its own.
        }

        partial.Recorded = ReadRecord(partial.ResumePath);
        if (partial.Recorded is null || partial.Length > partial.Recorded.Length)
        {
            partial.Restart();
        }

        partial.stream!.Seek(0, SeekOrigin.End);
        return partial;
    }

    /// <summary>
    /// Creates an empty partial file next to <paramref name="finalPath"/>, replacing a leftover nobody holds; removes
    /// leftovers older than <paramref name="staleAge"/> first.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written.</exception>
    public static PartialFile CreateBeside(string finalPath, TimeSpan staleAge)
    {
        RemoveStale(finalPath, staleAge);
        var path = finalPath + Suffix;
        try
        {
            // Emptied only once this run holds it: FileMode.Create could cut another run's file before the lock is tried.
            var partial = new PartialFile(path, Open(path, FileMode.OpenOrCreate), resumable: true);
            partial.Restart();
            return partial;
        }
        catch (IOException)
        {
            var oneOff = $"{finalPath}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}{Suffix}";
            return new PartialFile(oneOff, Open(oneOff, FileMode.CreateNew), resumable: false);
        }
    }

    /// <summary>Records what the host said of the file, so a later run can resume these bytes; best effort.</summary>
    public void Record(RemoteFile file)
    {
        if (!resumable || !file.CanResume || file.Length is null)
        {
            return;
        }

        try
        {
            File.WriteAllText(ResumePath, file.ToText());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without the record the bytes are not resumed by a later run; this run is not affected.
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await stream!.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        Length += data.Length;
    }

    /// <summary>Drops what was written: the next bytes start the file again.</summary>
    public void Restart()
    {
        stream!.SetLength(0);
        stream.Position = 0;
        Length = 0;
        Forget();
    }

    /// <summary>Flushes and closes the file, stamped with the server's modification time when it gave one.</summary>
    public async Task CloseAsync(DateTimeOffset? lastModified)
    {
        if (stream is not null)
        {
            await stream.FlushAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            stream = null;
        }

        if (lastModified is { } time)
        {
            File.SetLastWriteTimeUtc(Path, time.UtcDateTime);
        }
    }

    /// <summary>
    /// Moves the closed file to <paramref name="finalPath"/> in one step. Without <paramref name="overwrite"/>, a file
    /// that appeared there meanwhile is never replaced: the move fails with an <see cref="IOException"/>.
    /// </summary>
    public void MoveTo(string finalPath, bool overwrite)
    {
        File.Move(Path, finalPath, overwrite);
        moved = true;
        Forget();
    }

    /// <summary>Closes and deletes the file (and its record) unless it was moved into place; best effort.</summary>
    public void Dispose()
    {
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file we are about to delete; nothing to save.
        }

        stream = null;
        if (!moved)
        {
            TryDelete(Path);
        }

        Forget();
    }

    private void Forget()
    {
        Recorded = null;
        if (resumable)
        {
            TryDelete(ResumePath);
        }
    }

    private static RemoteFile? ReadRecord(string path)
    {
        try
        {
            return File.Exists(path) ? RemoteFile.Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes <c>name.partial</c>, <c>name.*.partial</c> and their records not written to for the stale age.</summary>
    private static void RemoveStale(string finalPath, TimeSpan staleAge)
    {
        var directory = System.IO.Path.GetDirectoryName(finalPath);
        var name = System.IO.Path.GetFileName(finalPath);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return;
        }

        var before = DateTime.UtcNow - staleAge;
        try
        {
            foreach (var leftover in Directory.EnumerateFiles(directory, name + ".*"))
            {
                var rest = System.IO.Path.GetFileName(leftover)[name.Length..];
                if ((rest.EndsWith(Suffix, StringComparison.Ordinal) || rest.EndsWith(Suffix + ResumeSuffix, StringComparison.Ordinal))
                    && File.GetLastWriteTimeUtc(leftover) < before)
                {
                    TryDelete(leftover);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy; the download goes on.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the .partial name never looks like a finished file.
        }
    }

    private static FileStream Open(string path, FileMode mode) => new(path, new FileStreamOptions
    {
        Mode = mode,
        Access = FileAccess.Write,
        Share = FileShare.None,
        BufferSize = 0,
        Options = FileOptions.Asynchronous,
    });
}
