using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The settings of requests to CometAPI that a call (parameters of every API command) or a session
/// (Connect-CometApi) may set, their limits, and their precedence: the parameter, then the session, then Core's
/// default (RunwayClientOptions and RetryPolicy.Default: 60 s per attempt, 3 retries within 60 s, X-Runway-Version 2024-11-06).
/// </summary>
internal static class ApiSettings
{
    public const int MaxRequestTimeoutSec = 3600;

    public const int MaxRetryCount = 10;

    /// <param name="requestTimeoutSec">-RequestTimeoutSec, when given.</param>
    /// <param name="maximumRetryCount">-MaximumRetryCount, when given.</param>
    /// <param name="runwayVersion">-RunwayVersion, when given.</param>
    /// <param name="session">The Connect-CometApi session, if any.</param>
    /// <param name="pacedRetry">A policy the caller needs whatever the settings say (the waiter paces its own reads: none).</param>
    /// <param name="verbose">Receives each request's log line; null when verbose output is off.</param>
    /// <exception cref="ArgumentException">A setting cannot work (RunwayClientOptions.Validate); the message names it.</exception>
    public static RunwayClientOptions Resolve(
        int? requestTimeoutSec, int? maximumRetryCount, string? runwayVersion, CometApiSession? session, RetryPolicy? pacedRetry, Action<string>? verbose)
    {
        var defaults = new RunwayClientOptions();
        var retries = maximumRetryCount ?? session?.MaximumRetryCount;
        var options = new RunwayClientOptions
        {
            RunwayVersion = runwayVersion ?? session?.RunwayVersion,
            RequestTimeout = requestTimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : session?.RequestTimeout ?? defaults.RequestTimeout,
            Retry = pacedRetry ?? (retries is { } count ? RetryPolicy.Default with { MaxAttempts = count + 1 } : RetryPolicy.Default),
            Log = verbose is null ? null : entry => verbose(entry.Message),
        };
        options.Validate();
        return options;
    }
}
