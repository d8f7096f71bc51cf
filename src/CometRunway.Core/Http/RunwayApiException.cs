using System.Net;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

/// <summary>A request to CometAPI that failed; the message never contains the API key.</summary>
public sealed class RunwayApiException : Exception
{
    public RunwayApiException(RunwayErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public RunwayErrorKind Kind { get; }

    public HttpStatusCode? StatusCode { get; init; }

    public string? TaskId { get; init; }

    public Uri? RequestUri { get; init; }

    /// <summary>How long the server asked us to wait before the next request, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The first few hundred characters of the response body, when it explains the failure.</summary>
    public string? BodyExcerpt { get; init; }

    /// <summary>The server's own error code, such as <c>task_not_exist</c> or a gateway error code.</summary>
    public string? ServerCode { get; init; }

    /// <summary>How many attempts were made, retries included.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Whether another attempt may succeed: <see cref="Transient"/>'s rule, told by kind (a quota 429 is QuotaExhausted).</summary>
    public bool IsTransient => Kind switch
    {
        RunwayErrorKind.Network or RunwayErrorKind.Timeout or RunwayErrorKind.RateLimited => true,
        RunwayErrorKind.ServerError => StatusCode is not { } status || Transient.IsTransientStatus(status),
        _ => false,
    };
}
