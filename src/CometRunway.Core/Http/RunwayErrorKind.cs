namespace CometRunway.Core.Http;

/// <summary>Why a request to CometAPI did not produce a task.</summary>
public enum RunwayErrorKind
{
    /// <summary><c>task_not_exist</c>: a fresh task the server does not show yet. Wait, don't fail.</summary>
    TaskNotVisible,
    Authentication,
    NotFound,
    BadRequest,
    RateLimited,
    QuotaExhausted,
    ServerError,
    MalformedResponse,
    Network,
    Timeout,
}
