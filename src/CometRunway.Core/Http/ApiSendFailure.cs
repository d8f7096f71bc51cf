namespace CometRunway.Core.Http;

/// <summary>
/// One attempt of <see cref="ApiSender"/> that got no answer: the caller turns it into its own error, knowing what the
/// request was (a read is retried, a create only when it surely was not sent). The message never holds the key.
/// </summary>
internal sealed class ApiSendFailure(ApiSendFailureKind kind, string message, Exception innerException)
    : Exception(message, innerException)
{
    public ApiSendFailureKind Kind { get; } = kind;
}

internal enum ApiSendFailureKind
{
    /// <summary>The request timeout passed (connecting, sending or waiting for the answer).</summary>
    TimedOut,

    /// <summary>The answer's body came slower than the stall rule allows.</summary>
    Stalled,

    /// <summary>The connection could not be made or broke before the answer's headers (DNS, refused, TLS, reset).</summary>
    Network,
}
