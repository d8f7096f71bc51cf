namespace CometRunway.Emulator.Files;

/// <summary>
/// One file the <see cref="StaticFileHost"/> serves, with its validators and the faults to inject.
/// Faults count requests to this file; the counter is per instance (use <c>with</c> to derive a variant before serving it).
/// </summary>
public sealed record HostedFile
{
    private readonly byte[]? bytes;
    private readonly int seed;
    private int requests;

    private HostedFile(byte[]? bytes, int seed, long length)
    {
        this.bytes = bytes;
        this.seed = seed;
        Length = length;
        ETag = $"\"{(bytes is null ? $"g{seed}" : $"b{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..12]}")}-{length}\"";
    }

    public static HostedFile FromBytes(byte[] bytes, string contentType = "video/mp4") =>
        new(bytes, 0, bytes.Length) { ContentType = contentType };

    /// <summary>Deterministic content (see <see cref="GeneratedContent"/>), streamed without being held in memory.</summary>
    public static HostedFile Generated(long length, int seed = 1, string contentType = "video/mp4") =>
        new(null, seed, length) { ContentType = contentType };

    public long Length { get; }

    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>A strong ETag (quoted); null sends none.</summary>
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; } = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Drop the connection after this many body bytes, for the first <see cref="DropForFirstRequests"/> requests.</summary>
    public long? DropAfterBytes { get; init; }

    public int DropForFirstRequests { get; init; } = 1;

    /// <summary>Stop sending (but keep the connection open) after this many body bytes, for the first request only.</summary>
    public long? StallAfterBytes { get; init; }

    /// <summary>Answer every request with 200 and the whole file, and advertise no range support.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>Serve ranges without checking If-Range, as some hosts and CDNs do (with <see cref="ReplacementAfterFirstRequest"/>: the rest of another file).</summary>
    public bool IgnoreIfRange { get; init; }

    /// <summary>From the second request on, serve this file instead (another ETag and content).</summary>
    public HostedFile? ReplacementAfterFirstRequest { get; init; }

    /// <summary>When set, requests without <c>?token=</c> this value get <see cref="ExpiredStatus"/>.</summary>
    public string? RequiredToken { get; init; }

    public int ExpiredStatus { get; init; } = 403;

    /// <summary>Answer the first N requests with <see cref="FailureStatus"/>.</summary>
    public int FailFirstRequests { get; init; }

    public int FailureStatus { get; init; } = 503;

    /// <summary>Throttle the body to about this many bytes per second.</summary>
    public int? BytesPerSecond { get; init; }

    /// <summary>Answer with a redirect to this Location (relative or absolute, any scheme).</summary>
    public string? RedirectTo { get; init; }

    public int RedirectStatus { get; init; } = 302;

    /// <summary>Declare a Content-Length this many bytes larger than the body sent.</summary>
    public long DeclaredLengthExtra { get; init; }

    public int RequestCount => Volatile.Read(ref requests);

    /// <summary>The content bytes (materialized; for small files in tests).</summary>
    public byte[] ToArray() => bytes?.ToArray() ?? GeneratedContent.Bytes(seed, Length);

    public string Sha256Hex() => bytes is not null
        ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant()
        : GeneratedContent.Sha256Hex(seed, Length);

    internal int NextRequestNumber() => Interlocked.Increment(ref requests);

    internal void CopyTo(long offset, Span<byte> destination)
    {
        if (bytes is not null)
        {
            bytes.AsSpan((int)offset, destination.Length).CopyTo(destination);
        }
        else
        {
            GeneratedContent.Fill(seed, offset, destination);
        }
    }
}
