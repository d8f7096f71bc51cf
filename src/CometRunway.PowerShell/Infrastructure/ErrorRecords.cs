using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Builds the module's error records: stable ids, the right category, the task or path as target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord FromApi(RunwayApiException error, object target, string? message = null) =>
        Create(error, IdOf(error.Kind), CategoryOf(error.Kind), target, message);

    public static ErrorRecord FromCreate(RunwayCreateException error, object target) =>
        Create(error, IdOf(error), CategoryOf(error.Kind), target);

    public static ErrorRecord InvalidTaskId(ArgumentException error, object target) =>
        Create(error, "InvalidRunwayTaskId", ErrorCategory.InvalidArgument, target);

    /// <param name="message">What the user reads, when it should say more than the exception's own message.</param>
    public static ErrorRecord Create(Exception error, string errorId, ErrorCategory category, object? target, string? message = null) =>
        new(error, errorId, category, target) { ErrorDetails = new ErrorDetails(message ?? error.Message) };

    public static string IdOf(RunwayErrorKind kind) => kind switch
    {
        RunwayErrorKind.TaskNotVisible => "RunwayTaskNotVisible",
        RunwayErrorKind.Authentication => "RunwayAuthenticationFailed",
        RunwayErrorKind.NotFound => "RunwayTaskNotFound",
        RunwayErrorKind.BadRequest => "RunwayBadRequest",
        RunwayErrorKind.RateLimited => "RunwayRateLimited",
        RunwayErrorKind.QuotaExhausted => "RunwayQuotaExhausted",
        RunwayErrorKind.ServerError => "RunwayServerError",
        RunwayErrorKind.MalformedResponse => "RunwayMalformedResponse",
        RunwayErrorKind.Network => "RunwayNetworkError",
        RunwayErrorKind.Timeout => "RunwayRequestTimeout",
        _ => "RunwayError",
    };

    public static ErrorCategory CategoryOf(RunwayErrorKind kind) => kind switch
    {
        RunwayErrorKind.TaskNotVisible => ErrorCategory.ResourceUnavailable,
        RunwayErrorKind.Authentication => ErrorCategory.AuthenticationError,
        RunwayErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        RunwayErrorKind.BadRequest => ErrorCategory.InvalidArgument,
        RunwayErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        RunwayErrorKind.QuotaExhausted => ErrorCategory.QuotaExceeded,
        RunwayErrorKind.ServerError => ErrorCategory.ResourceUnavailable,
        RunwayErrorKind.MalformedResponse => ErrorCategory.InvalidResult,
        RunwayErrorKind.Network => ErrorCategory.ConnectionError,
        RunwayErrorKind.Timeout => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>Create errors: one id per kind, and one per documented refusal, so scripts can tell "no task" from "may exist".</summary>
    public static string IdOf(RunwayCreateException error) => (error.Kind, error.Refusal) switch
    {
        (CreateErrorKind.Refused, CreateRefusal.CallbackUrlEmpty) => "RunwayCreateCallbackUrlEmpty",
        (CreateErrorKind.Refused, CreateRefusal.ReferenceImagesEmpty) => "RunwayCreateReferenceImagesEmpty",
        (CreateErrorKind.Refused, CreateRefusal.InvalidAsset) => "RunwayCreateInvalidAsset",
        (CreateErrorKind.Refused, CreateRefusal.RetiredModel) => "RunwayCreateRetiredModel",
        (CreateErrorKind.Refused, CreateRefusal.MissingRunwayVersion) => "RunwayCreateMissingRunwayVersion",
        (CreateErrorKind.Refused, _) => "RunwayCreateRefused",
        (CreateErrorKind.InvalidRequest, _) => "RunwayCreateInvalidRequest",
        (CreateErrorKind.Authentication, _) => "RunwayAuthenticationFailed",
        (CreateErrorKind.QuotaExhausted, _) => "RunwayQuotaExhausted",
        (CreateErrorKind.RateLimited, _) => "RunwayRateLimited",
        (CreateErrorKind.NotReached, _) => "RunwayCreateNotSent",
        (CreateErrorKind.OutcomeUnknown, _) => "RunwayCreateOutcomeUnknown",
        _ => "RunwayCreateError",
    };

    public static ErrorCategory CategoryOf(CreateErrorKind kind) => kind switch
    {
        CreateErrorKind.InvalidRequest or CreateErrorKind.Refused => ErrorCategory.InvalidArgument,
        CreateErrorKind.Authentication => ErrorCategory.AuthenticationError,
        CreateErrorKind.QuotaExhausted => ErrorCategory.QuotaExceeded,
        CreateErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        CreateErrorKind.NotReached => ErrorCategory.ConnectionError,
        CreateErrorKind.OutcomeUnknown => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
