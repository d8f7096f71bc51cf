using System.Buffers;
using CometRunway.Core.Http;

namespace CometRunway.Core.Downloading;

/// <summary>
/// Copies a response body out with two buffers: the next read from the network runs while the
/// previous chunk is written, so neither side waits for the other. Memory: two buffers, whatever the size.
/// </summary>
internal static class DoubleBufferedCopy
{
    /// <param name="body">The response body.</param>
    /// <param name="bufferSize">The size of each of the two buffers.</param>
    /// <param name="stall">Bounds each read; told of every chunk received.</param>
    /// <param name="write">Writes one chunk (and reports it); its failures end the copy.</param>
    /// <param name="shortRead">Turns a connection failure while reading into the exception to throw.</param>
    public static async Task CopyAsync(
        Stream body, int bufferSize, StallGuard stall, Func<ReadOnlyMemory<byte>, Task> write, Func<Exception, Exception> shortRead)
    {
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(bufferSize), ArrayPool<byte>.Shared.Rent(bufferSize)];
        Task<int>? pendingRead = null;
        try
        {
            var current = 0;
            pendingRead = ReadAsync(body, buffers[current].AsMemory(0, bufferSize), stall, shortRead);
            while (true)
            {
                var read = await pendingRead.ConfigureAwait(false);
                pendingRead = null;
                if (read == 0)
                {
                    return;
                }

                stall.Progress(read);
                var filled = buffers[current];
                current ^= 1;
                pendingRead = ReadAsync(body, buffers[current].AsMemory(0, bufferSize), stall, shortRead);
                await write(filled.AsMemory(0, read)).ConfigureAwait(false);
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
                catch (Exception)
                {
                    // Its failure is not the one being reported.
                }
            }

            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private static async Task<int> ReadAsync(Stream body, Memory<byte> buffer, StallGuard stall, Func<Exception, Exception> shortRead)
    {
        try
        {
            return await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw shortRead(exception);
        }
    }
}
