using System.Security.Cryptography;
using System.Text;

namespace CometRunway.Core.Downloading;

/// <summary>
/// The temporary file beside a final path that a download is written to: named so it never looks finished,
/// emptied to start over, and moved into place only once complete. It is <c>name.partial</c>, with what the host
/// said of the file recorded in <c>name.partial.resume</c>, so that after the process was killed the next run
/// resumes it; while that name is taken (another run, or anything that is not a plain leftover of ours), a one-off
/// <c>name.xxxxxxxx.partial</c> is used instead. Every file it writes is created new (never opened through a link
/// someone planted), a leftover is taken over only when it is a regular file, and the record is replaced by a move.
/// Leftovers older than the stale age are removed whenever the same target is downloaded again.
/// </summary>
internal sealed class PartialFile : IDisposable
{
    public const string Suffix = ".partial";
    public const string ResumeSuffix = ".resume";
    private const string RecordDraftSuffix = ".draft";
    private const int LongestRecord = 4096;
    private const int OneOffNamesTried = 8;

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
    /// recent one, positioned at its end (emptied when it has no usable record). Null when there is none to take over.
    /// </summary>
    /// <remarks><paramref name="warn"/> is told of a leftover left as it is because it is not a file (a link, a directory).</remarks>
    public static PartialFile? TryResume(string finalPath, TimeSpan staleAge, Action<string> warn)
    {
        RemoveStale(finalPath, staleAge);
        if (TryTakeOver(finalPath + Suffix, warn) is not { } partial)
        {
            return null;
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
    /// Creates an empty partial file next to <paramref name="finalPath"/> (taking over a leftover nobody holds), or
    /// under a one-off name when <c>name.partial</c> is taken; removes leftovers older than <paramref name="staleAge"/> first.
    /// </summary>
    /// <remarks><paramref name="warn"/> is told of a leftover left as it is because it is not a file (a link, a directory).</remarks>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written.</exception>
    public static PartialFile CreateBeside(string finalPath, TimeSpan staleAge, Action<string> warn)
    {
        RemoveStale(finalPath, staleAge);
        var path = finalPath + Suffix;
        if (TryCreateNew(path) is { } own)
        {
            return new PartialFile(path, own, resumable: true);
        }

        if (TryTakeOver(path, warn) is { } leftover)
        {
            leftover.Restart();
            return leftover;
        }

        for (var attempt = 1; ; attempt++)
        {
            var oneOff = $"{finalPath}.{RandomHex()}{Suffix}";
            if (attempt == OneOffNamesTried)
            {
                return new PartialFile(oneOff, Open(oneOff, FileMode.CreateNew), resumable: false);
            }

            if (TryCreateNew(oneOff) is { } created)
            {
                return new PartialFile(oneOff, created, resumable: false);
            }
        }
    }

    /// <summary>
    /// Records what the host said of the file, so a later run can resume these bytes; best effort. Written to a new
    /// draft and moved over the record, so a link planted at the record's name is replaced, never written through.
    /// </summary>
    public void Record(RemoteFile file)
    {
        if (!resumable || !file.CanResume || file.Length is null)
        {
            return;
        }

        var draft = $"{ResumePath}.{RandomHex()}{RecordDraftSuffix}";
        try
        {
            using (var record = Open(draft, FileMode.CreateNew))
            {
                record.Write(Encoding.UTF8.GetBytes(file.ToText()));
            }

            File.Move(draft, ResumePath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without the record the bytes are not resumed by a later run; this run is not affected.
            TryDelete(draft);
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

    /// <summary>Flushes and closes the file, stamped (through its handle) with the server's modification time when it gave one.</summary>
    public async Task CloseAsync(DateTimeOffset? lastModified)
    {
        if (stream is not null)
        {
            await stream.FlushAsync().ConfigureAwait(false);
            if (lastModified is { } time)
            {
                File.SetLastWriteTimeUtc(stream.SafeFileHandle, time.UtcDateTime);
            }

            await stream.DisposeAsync().ConfigureAwait(false);
            stream = null;
        }
    }

    /// <summary>
    /// Moves the closed file to <paramref name="finalPath"/> in one step. Without <paramref name="overwrite"/>, a file
    /// that appeared there meanwhile is never replaced: the move fails with an <see cref="IOException"/>. A link at the
    /// final path is replaced by the file, never written through.
    /// </summary>
    /// <exception cref="IOException">The partial file was swapped for a link before the move.</exception>
    public void MoveTo(string finalPath, bool overwrite)
    {
        if (LocalEntry.IsLink(Path))
        {
            throw new IOException($"'{Path}' was replaced by a link while it was written; it is not moved to the final path.");
        }

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
            TryDelete(ResumePath); // Deleting removes a link itself, never what it points at.
        }
    }

    private static RemoteFile? ReadRecord(string path)
    {
        try
        {
            return LocalEntry.IsFileWithBytes(path) && new FileInfo(path).Length <= LongestRecord
                ? RemoteFile.Parse(File.ReadAllText(path))
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes <c>name.partial</c>, <c>name.*.partial</c>, their records and record drafts not written to for the stale
    /// age. Links are left alone: they are not ours.
    /// </summary>
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
                var ours = rest.EndsWith(Suffix, StringComparison.Ordinal)
                    || rest.EndsWith(Suffix + ResumeSuffix, StringComparison.Ordinal)
                    || (rest.StartsWith(Suffix + ResumeSuffix + ".", StringComparison.Ordinal) && rest.EndsWith(RecordDraftSuffix, StringComparison.Ordinal));
                if (ours && !LocalEntry.IsLink(leftover) && File.GetLastWriteTimeUtc(leftover) < before)
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

    /// <summary>
    /// The leftover at <paramref name="path"/>, opened for writing; null when there is none, another run holds it, or it
    /// is not a file with bytes. Checked again once open, so a link swapped in meanwhile is not written through.
    /// </summary>
    private static PartialFile? TryTakeOver(string path, Action<string> warn)
    {
        if (!LocalEntry.Exists(path))
        {
            return null;
        }

        if (LocalEntry.WhyNotAFile(path) is { } why)
        {
            warn($"'{path}' is left as it is and not used: {why}, not a file this module wrote.");
            return null;
        }

        if (!LocalEntry.IsFileWithBytes(path))
        {
            return null;
        }

        FileStream stream;
        try
        {
            stream = Open(path, FileMode.Open);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // Another run is writing it, or it cannot be opened: this run uses its own.
        }

        if (LocalEntry.IsLink(path))
        {
            stream.Dispose();
            warn($"'{path}' is left as it is and not used: it became a link while it was opened.");
            return null;
        }

        return new PartialFile(path, stream, resumable: true);
    }

    /// <summary>A new file at <paramref name="path"/>; null when something (a file, a link, anything) is already there.</summary>
    private static FileStream? TryCreateNew(string path)
    {
        try
        {
            return Open(path, FileMode.CreateNew);
        }
        catch (IOException) when (LocalEntry.Exists(path))
        {
            return null;
        }
    }

    private static string RandomHex() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

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
