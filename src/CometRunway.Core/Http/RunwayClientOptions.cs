using System.Diagnostics.CodeAnalysis;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

/// <summary>How <see cref="RunwayClient"/> talks to CometAPI. Every default is named here.</summary>
internal sealed record RunwayClientOptions
{
    /// <summary>The <c>X-Runway-Version</c> both Runway SDKs send on every request; the official create routes require one.</summary>
    public const string DefaultRunwayVersion = "2024-11-06";

    private readonly string runwayVersion = DefaultRunwayVersion;

    /// <summary>Sent as <c>X-Runway-Version</c> on every request; null means <see cref="DefaultRunwayVersion"/>.</summary>
    [AllowNull]
    public string RunwayVersion
    {
        get => runwayVersion;
        init => runwayVersion = value ?? DefaultRunwayVersion;
    }

    /// <summary>Up to 4 attempts within 60 s by default (<see cref="RetryPolicy.Default"/>).</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>How long one attempt may take, from connecting to the last byte of the answer (as Runway's SDKs: 60 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An answer whose body slows below 1 KiB in 15 s is cut off and counts as a timeout (then retried).</summary>
    public StallRule Stall { get; init; } = new(TimeSpan.FromSeconds(15), 1024);

    /// <summary>Larger answers are refused as malformed: a task is a few kilobytes.</summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Receives one line per request and per retry, for <c>-Verbose</c>. Called on the requesting thread.</summary>
    public Action<RequestLogEntry>? Log { get; init; }

    /// <summary>Source of jitter; tests may fix a seed. The client locks it, so one may be shared.</summary>
    public Random? Random { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the 429 pause of each connection is kept: clients and creators given the same instance keep out of each
    /// other's Retry-After windows. Null: each client or creator keeps its own.
    /// </summary>
    public ConnectionPauses? Pauses { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        HeaderValue.Validate(RunwayVersion, "The X-Runway-Version value");
        ArgumentNullException.ThrowIfNull(Retry);
        Retry.Validate();
        ArgumentNullException.ThrowIfNull(Stall);
        Stall.Validate();
        if (RequestTimeout <= TimeSpan.Zero || MaxResponseBytes < 1)
        {
            throw new ArgumentException($"RequestTimeout must be positive (was {RequestTimeout}) and MaxResponseBytes at least 1 (was {MaxResponseBytes}).");
        }
    }
}
