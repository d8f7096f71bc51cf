using System.Security.Cryptography;

namespace CometRunway.Core.Downloading;

/// <summary>
/// The temporary file beside a final path that a download is written to: named so it never looks finished,
/// emptied to start over, and moved into place only once complete. Owned by one transfer at a time.
/// </summary>
internal sealed class PartialFile : IDisposable
{
    private FileStream? stream;
    private bool moved;

    private PartialFile(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    public string Path { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Creates a new, empty partial file next to <paramref name="finalPath"/>.</summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written.</exception>
    public static PartialFile CreateBeside(string finalPath)
    {
        var path = $"{finalPath}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.partial";
        return new PartialFile(path, Open(path, FileMode.CreateNew));
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
    }

    /// <summary>Closes and deletes the file unless it was moved into place; best effort.</summary>
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
            try
            {
                File.Delete(Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The .partial name never looks like a finished file.
            }
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
