namespace CometRunway.Core.Creating;

/// <summary>The values a create sends when the caller gives none, named in one place.</summary>
internal static class CreateDefaults
{
    /// <summary>
    /// The <c>callback_url</c> sent to compatibility routes when the caller gives none (CometAPI refuses an empty one with
    /// <c>callback_url_empty</c>, though the task is polled anyway). A <c>.invalid</c> host never resolves (RFC 2606), so
    /// the finished task's signed links are posted nowhere rather than to a stranger's server.
    /// </summary>
    public const string PlaceholderCallbackUrl = "https://callback.invalid/cometrunway";

    /// <summary>How many creates a batch keeps in flight by default.</summary>
    public const int MaxConcurrency = 4;
}
