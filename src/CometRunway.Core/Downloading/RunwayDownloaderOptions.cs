namespace CometRunway.Core.Downloading;

/// <summary>How the downloader behaves; the defaults suit interactive use and runbooks.</summary>
public sealed record RunwayDownloaderOptions
{
    /// <summary>Downloads running at once.</summary>
    public int ThrottleLimit { get; init; } = 4;

    /// <summary>Attempts per file (the first one included) for dropped connections, stalls and 5xx answers.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff delay; it doubles per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>No byte received for this long counts as a dropped connection.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirects followed per request (only to http and https).</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>
    /// Each download copies through two buffers of this size (one filling from the network while the other is
    /// written), so memory is about 2 x ThrottleLimit x BufferSize whatever the file size.
    /// </summary>
    public int BufferSize { get; init; } = 256 * 1024;

    /// <summary>How often progress is reported per file and for the batch.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string UserAgent { get; init; } = DefaultUserAgent;

    internal static string DefaultUserAgent { get; } =
        $"CometRunway/{typeof(RunwayDownloaderOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    internal void Validate()
    {
        if (ThrottleLimit < 1 || MaxAttempts < 1 || MaxRedirects < 0 || BufferSize < 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(RunwayDownloaderOptions),
                "ThrottleLimit and MaxAttempts must be at least 1, MaxRedirects at least 0 and BufferSize at least 4096.");
        }
    }
}
