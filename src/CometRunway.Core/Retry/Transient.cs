using System.Net;

namespace CometRunway.Core.Retry;

/// <summary>
/// The one rule for which HTTP statuses are worth another attempt, for the API and the file hosts alike
/// (docs/design/retries.md); connection failures are too. Not for creating tasks: a create is retried only when it
/// surely never reached the server.
/// </summary>
internal static class Transient
{
    /// <summary>408, 429, 500, 502, 503, 504 and 524. A quota 429 is told apart by the API client before this is asked.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status is 408 or 429 or 500 or 502 or 503 or 504 or 524;
}
