using System.Collections.ObjectModel;

namespace CometRunway.Emulator.Faults;

/// <summary>
/// An immutable description of a fault. Build one with a factory and adjust it with <c>with</c> or the
/// fluent helpers: <c>FaultRule.Status(503).ForTask("t1").Times(2)</c>.
/// </summary>
public sealed record FaultRule
{
    public FaultAction Action { get; init; } = FaultAction.None;

    public FaultRoute Route { get; init; } = FaultRoute.Any;

    /// <summary>Only requests for this task id (ordinal); null matches every id, and feed bodies without one.</summary>
    public string? TaskId { get; init; }

    /// <summary>How many matching requests the rule applies to; null: all of them.</summary>
    public int? Count { get; init; } = 1;

    /// <summary>Wait this long before answering (the wait ends early if the client aborts).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public int StatusCode { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    public TimeSpan? RetryAfter { get; init; }

    public RetryAfterStyle RetryAfterStyle { get; init; } = RetryAfterStyle.Seconds;

    /// <summary>For <see cref="FaultAction.Gateway"/>: the message, to which " (request id: X)" is appended.</summary>
    public string? Message { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorCode { get; init; }

    public string? Location { get; init; }

    /// <summary>
    /// On a create route, make the task before the fault's own answer (status, gateway, HTML, redirect), as when a
    /// proxy fails after the upstream accepted the request. Delays, truncation, resets and drops always act after the
    /// task was made: they model a client that sent everything and heard no clear answer.
    /// </summary>
    public bool CreatesTask { get; init; }

    public FaultRule ForTask(string taskId) => this with { TaskId = taskId };

    public FaultRule On(FaultRoute route) => this with { Route = route };

    public FaultRule Times(int count) => this with { Count = count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(count)) };

    public FaultRule Always() => this with { Count = null };

    public FaultRule After(TimeSpan delay) => this with { Latency = delay };

    /// <summary>See <see cref="CreatesTask"/>.</summary>
    public FaultRule AfterCreating() => this with { CreatesTask = true };

    /// <summary>Any status with an optional body and headers (e.g. 500, 503, 524).</summary>
    public static FaultRule Status(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json") =>
        new()
        {
            Action = FaultAction.Status,
            StatusCode = statusCode,
            Body = body,
            ContentType = contentType,
            Headers = headers ?? ReadOnlyDictionary<string, string>.Empty,
        };

    /// <summary>429 with a gateway envelope and a retry delay (if given) in the chosen style.</summary>
    public static FaultRule RateLimited(TimeSpan? retryAfter = null, RetryAfterStyle style = RetryAfterStyle.Seconds) =>
        Gateway(429, "Too many requests, please try again later", "rate_limit_error", "rate_limit_exceeded")
            with { RetryAfter = retryAfter, RetryAfterStyle = style };

    /// <summary>429 whose message speaks of quota: not transient.</summary>
    public static FaultRule QuotaExhausted() =>
        Gateway(429, "insufficient user quota, please top up your balance", "comet_api_error", "insufficient_user_quota");

    /// <summary>A gateway error envelope; " (request id: X)" is appended to the message.</summary>
    public static FaultRule Gateway(int statusCode, string message, string type = "comet_api_error", string code = "") => new()
    {
        Action = FaultAction.Gateway,
        StatusCode = statusCode,
        Message = message,
        ErrorType = type,
        ErrorCode = code,
    };

    /// <summary>An HTML page; the default is nginx's 502 page.</summary>
    public static FaultRule Html(int statusCode = 502, string? html = null) => new()
    {
        Action = FaultAction.Html,
        StatusCode = statusCode,
        Body = html ?? NginxPage(statusCode),
        ContentType = "text/html; charset=utf-8",
    };

    public static FaultRule Redirect(string location, int statusCode = 301) => new()
    {
        Action = FaultAction.Redirect,
        StatusCode = statusCode,
        Location = location,
    };

    /// <summary>HTTP 200 with the normal JSON body cut half-way.</summary>
    public static FaultRule Truncated() => new() { Action = FaultAction.Truncated };

    /// <summary>The normal answer, <paramref name="delay"/> late.</summary>
    public static FaultRule Delay(TimeSpan delay) => new() { Action = FaultAction.None, Latency = delay };

    /// <summary>Headers and part of the body, then the connection is aborted.</summary>
    public static FaultRule Reset() => new() { Action = FaultAction.Reset };

    /// <summary>The connection is aborted before any byte of the response: the client cannot know what happened.</summary>
    public static FaultRule Drop() => new() { Action = FaultAction.Drop };

    /// <summary>Whether the rule sends an answer of its own instead of the route's.</summary>
    internal bool ReplacesAnswer => Action is FaultAction.Status or FaultAction.Gateway or FaultAction.Html or FaultAction.Redirect;

    internal bool Matches(FaultRoute route, string? taskId) =>
        (Route == FaultRoute.Any || Route == route) &&
        (TaskId is null || string.Equals(TaskId, taskId, StringComparison.Ordinal));

    private static string NginxPage(int statusCode)
    {
        var title = statusCode switch
        {
            502 => "502 Bad Gateway",
            503 => "503 Service Temporarily Unavailable",
            504 => "504 Gateway Time-out",
            200 => "Welcome to nginx!",
            _ => $"{statusCode} Error",
        };
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }
}
