using System.Net;

namespace CometRunway.Core.Creating;

/// <summary>
/// A create that gave no task id. <see cref="Kind"/> says whether a task may exist (<see cref="TaskMayExist"/>) and the
/// message says what to do. Never contains the API key.
/// </summary>
public sealed class RunwayCreateException : Exception
{
    public RunwayCreateException(CreateErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public CreateErrorKind Kind { get; }

    /// <summary>True only for <see cref="CreateErrorKind.OutcomeUnknown"/>: check the CometAPI console before creating it again.</summary>
    public bool TaskMayExist => Kind == CreateErrorKind.OutcomeUnknown;

    public CreateRoute? Route { get; init; }

    /// <summary>The request parameter at fault (a request property such as <c>Ratio</c>, or the server's field name), when known.</summary>
    public string? ParameterName { get; init; }

    public CreateRefusal Refusal { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The server's error code (<c>callback_url_empty</c>, a gateway code, a compatibility <c>code</c>).</summary>
    public string? ServerCode { get; init; }

    /// <summary>The server's own words (<c>msg</c>, <c>error.message</c>), redacted.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The start of the response body, when it explains the failure.</summary>
    public string? BodyExcerpt { get; init; }

    /// <summary>How long the server asked to wait (429).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Attempts made, retries of unreached or rate-limited requests included.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The same error, with another attempt count.</summary>
    internal RunwayCreateException WithAttempts(int attempts) => new(Kind, Message, InnerException)
    {
        Route = Route,
        ParameterName = ParameterName,
        Refusal = Refusal,
        StatusCode = StatusCode,
        ServerCode = ServerCode,
        ServerMessage = ServerMessage,
        BodyExcerpt = BodyExcerpt,
        RetryAfter = RetryAfter,
        Attempts = attempts,
    };

    internal static RunwayCreateException Invalid(string parameter, string message) =>
        new(CreateErrorKind.InvalidRequest, message) { ParameterName = parameter };
}
