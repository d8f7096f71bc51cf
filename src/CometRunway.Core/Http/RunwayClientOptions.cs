using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

public sealed record RunwayClientOptions
{
    /// <summary>Sent as <c>X-Runway-Version</c> when set, e.g. <c>2024-11-06</c>.</summary>
    public string? RunwayVersion { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives one line per request and per retry, for <c>-Verbose</c>. Called on the requesting thread.</summary>
    public Action<RequestLogEntry>? Log { get; init; }

    /// <summary>Source of jitter; tests may fix a seed.</summary>
    public Random? Random { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
