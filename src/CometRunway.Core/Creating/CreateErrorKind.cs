namespace CometRunway.Core.Creating;

/// <summary>Why a create did not give a task id, and so whether a task exists.</summary>
public enum CreateErrorKind
{
    /// <summary>The request is not valid (a parameter, a file); nothing was sent.</summary>
    InvalidRequest,

    /// <summary>The server answered and turned the request down (4xx, or a compatibility <c>code != 200</c>): no task.</summary>
    Refused,

    /// <summary>The key was refused (401/403): no task.</summary>
    Authentication,

    /// <summary>The account's quota or balance is exhausted: no task, and retrying will not help.</summary>
    QuotaExhausted,

    /// <summary>Rate limited (429) after every retry the policy allows: no task; try again later.</summary>
    RateLimited,

    /// <summary>The server could not be reached (DNS, connection refused, TLS) before any of the request was sent: no task.</summary>
    NotReached,

    /// <summary>
    /// The request was sent but no clear answer came back (timeout, 5xx, dropped connection, an unreadable success):
    /// the task may exist. It is never retried automatically, so no paid task is made twice.
    /// </summary>
    OutcomeUnknown,
}
