using CometRunway.Core.Http;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Downloading;

/// <summary>How the downloader behaves; the defaults suit interactive use and runbooks.</summary>
internal sealed record RunwayDownloaderOptions
{
    /// <summary>Downloads running at once.</summary>
    public int ThrottleLimit { get; init; } = 4;

    /// <summary>
    /// Retries of dropped connections, stalls and transient statuses (<see cref="RetryPolicy.Downloads"/>: while 2 minutes
    /// of failing allow, honouring the file host's Retry-After within them). An attempt that took the file at least
    /// <see cref="StallRule.MinimumBytes"/> of <see cref="Stall"/> beyond the furthest any attempt had reached restarts
    /// the budget, so a long download that drops now and then goes on, and a trickle or a host that sends the same
    /// first bytes again and again does not.
    /// </summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Downloads;

    /// <summary>
    /// Attempts that receive the file from its first byte, allowed per download (8). A host that cannot resume sends the
    /// whole file on every attempt; this ends such a download even while each attempt gets a little further.
    /// </summary>
    public int MaxWholeFileAttempts { get; init; } = 8;

    /// <summary>Source of jitter; tests may fix a seed. Downloads lock it, so one may be shared.</summary>
    public Random? Random { get; init; }

    /// <summary>
    /// An attempt that receives less than 16 KiB in 30 s counts as a dropped connection (and is resumed): slow is
    /// fine, a trickle is not. The window starts with the request, so a host that never answers is caught too.
    /// Connecting may take <see cref="HttpClients.ConnectTimeout"/> (15 s).
    /// </summary>
    public StallRule Stall { get; init; } = new(TimeSpan.FromSeconds(30), 16 * 1024);

    /// <summary>
    /// A partial file left by a run that was stopped (killed, powered off) is resumed by the next run for the same
    /// target while younger than this (one day); older leftovers of that target are removed.
    /// </summary>
    public TimeSpan StalePartialAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Redirects followed per request (only to http and https).</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>
    /// Each download copies through two buffers of this size (one filling from the network while the other is
    /// written), so memory is about 2 x ThrottleLimit x BufferSize whatever the file size.
    /// </summary>
    public int BufferSize { get; init; } = 256 * 1024;

    /// <summary>How often progress is reported per file and for the batch.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (ThrottleLimit < 1 || MaxRedirects < 0 || BufferSize < 4096 || MaxWholeFileAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RunwayDownloaderOptions),
                "ThrottleLimit and MaxWholeFileAttempts must be at least 1, MaxRedirects at least 0 and BufferSize at least 4096.");
        }

        ArgumentNullException.ThrowIfNull(Retry);
        Retry.Validate();
        ArgumentNullException.ThrowIfNull(Stall);
        Stall.Validate();
    }
}
