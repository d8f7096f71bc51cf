using System.Net;

namespace CometRunway.Core.Http;

/// <summary>What came back for one request: the status, the headers that matter, and the body as far as it was read.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ReasonPhrase">The status line's text.</param>
/// <param name="Location">The <c>Location</c> header (a redirect).</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
/// <param name="Body">The body's bytes, at most <see cref="RunwayClientOptions.MaxResponseBytes"/>.</param>
/// <param name="End">Whether the body was read to its end.</param>
/// <param name="ReadError">Why the body broke off, when <see cref="End"/> is <see cref="AnswerEnd.BrokeOff"/>.</param>
internal sealed record ApiAnswer(
    HttpStatusCode Status, string? ReasonPhrase, Uri? Location, TimeSpan? RetryAfter, byte[] Body, AnswerEnd End, Exception? ReadError)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string StatusText => $"HTTP {(int)Status} {ReasonPhrase ?? Status.ToString()}";
}

/// <summary>How far an answer's body was read.</summary>
internal enum AnswerEnd
{
    Complete,

    /// <summary>Longer than <see cref="RunwayClientOptions.MaxResponseBytes"/>; the rest was not read.</summary>
    TooLarge,

    /// <summary>The connection broke before the body's end.</summary>
    BrokeOff,
}
