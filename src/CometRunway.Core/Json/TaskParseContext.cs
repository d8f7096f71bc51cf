using CometRunway.Core.Configuration;

namespace CometRunway.Core.Json;

/// <summary>What the client knows about a request, which the response body does not say.</summary>
/// <param name="RequestedId">The id asked for; used when the body carries none.</param>
/// <param name="RunwayVersion">The <c>X-Runway-Version</c> header sent, if any.</param>
/// <param name="BaseUri">The API base address the task was read from.</param>
/// <param name="RetrievedAt">When the response arrived.</param>
internal sealed record TaskParseContext(string RequestedId, string? RunwayVersion, Uri? BaseUri, DateTimeOffset RetrievedAt)
{
    /// <summary>The key the request was sent with: any echo of it in the answer is redacted before the task is built.</summary>
    public ApiKey? Key { get; init; }
}
