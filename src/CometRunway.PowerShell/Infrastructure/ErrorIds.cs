using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Every error id the module writes (the part of FullyQualifiedErrorId before the comma), and the id and
/// category each Core error kind becomes. The help pages list the same ids; a test keeps the two in step.
/// </summary>
internal static class ErrorIds
{
    // Settings and arguments: terminating, before anything is sent.
    public const string CometApiKeyMissing = nameof(CometApiKeyMissing);
    public const string CometApiKeyInvalid = nameof(CometApiKeyInvalid);
    public const string CometApiBaseUriInvalid = nameof(CometApiBaseUriInvalid);
    public const string CometApiConnectInvalidArgument = nameof(CometApiConnectInvalidArgument);
    public const string CometApiSettingInvalid = nameof(CometApiSettingInvalid);
    public const string InvalidRunwayTaskId = nameof(InvalidRunwayTaskId);

    // Pipeline objects that cannot be used as tasks, and tasks whose base address the key may not go to: one per object.
    public const string TaskIdPropertyMissing = nameof(TaskIdPropertyMissing);
    public const string InvalidTaskProperty = nameof(InvalidTaskProperty);
    public const string RunwayTaskBaseUriNotTrusted = nameof(RunwayTaskBaseUriNotTrusted);

    // Answers of the API, one per task (RunwayErrorKind).
    public const string RunwayTaskNotVisible = nameof(RunwayTaskNotVisible);
    public const string RunwayAuthenticationFailed = nameof(RunwayAuthenticationFailed);
    public const string RunwayTaskNotFound = nameof(RunwayTaskNotFound);
    public const string RunwayBadRequest = nameof(RunwayBadRequest);
    public const string RunwayRateLimited = nameof(RunwayRateLimited);
    public const string RunwayQuotaExhausted = nameof(RunwayQuotaExhausted);
    public const string RunwayServerError = nameof(RunwayServerError);
    public const string RunwayMalformedResponse = nameof(RunwayMalformedResponse);
    public const string RunwayNetworkError = nameof(RunwayNetworkError);
    public const string RunwayRequestTimeout = nameof(RunwayRequestTimeout);

    // Reading and waiting.
    public const string RunwayError = nameof(RunwayError);
    public const string RunwayTaskFailed = nameof(RunwayTaskFailed);
    public const string RunwayTaskWaitTimeout = nameof(RunwayTaskWaitTimeout);
    public const string RunwayWaitError = nameof(RunwayWaitError);
    public const string RunwayWaitFailed = nameof(RunwayWaitFailed);
    public const string InvalidWaitTimeout = nameof(InvalidWaitTimeout);

    // Creating, one per request (CreateErrorKind, and the documented refusals). Authentication, quota and rate limits
    // share the ids of reading; the others tell "no task was made" from "a task may exist" (OutcomeUnknown).
    public const string RunwayCreateInvalidRequest = nameof(RunwayCreateInvalidRequest);
    public const string RunwayCreateRefused = nameof(RunwayCreateRefused);
    public const string RunwayCreateCallbackUrlEmpty = nameof(RunwayCreateCallbackUrlEmpty);
    public const string RunwayCreateReferenceImagesEmpty = nameof(RunwayCreateReferenceImagesEmpty);
    public const string RunwayCreateInvalidAsset = nameof(RunwayCreateInvalidAsset);
    public const string RunwayCreateRetiredModel = nameof(RunwayCreateRetiredModel);
    public const string RunwayCreateMissingRunwayVersion = nameof(RunwayCreateMissingRunwayVersion);
    public const string RunwayCreateNotSent = nameof(RunwayCreateNotSent);
    public const string RunwayCreateOutcomeUnknown = nameof(RunwayCreateOutcomeUnknown);
    public const string RunwayCreateError = nameof(RunwayCreateError);
    public const string RunwayCreateFailed = nameof(RunwayCreateFailed);

    // Saving, one per output (DownloadErrorKind).
    public const string ResourceExists = nameof(ResourceExists);
    public const string RunwayOutputLinkExpired = nameof(RunwayOutputLinkExpired);
    public const string RunwayOutputHttpError = nameof(RunwayOutputHttpError);
    public const string RunwayOutputIncomplete = nameof(RunwayOutputIncomplete);
    public const string RunwayOutputNetworkError = nameof(RunwayOutputNetworkError);
    public const string RunwayOutputNotWritable = nameof(RunwayOutputNotWritable);
    public const string InvalidOutputUrl = nameof(InvalidOutputUrl);
    public const string RunwayTaskNotSucceeded = nameof(RunwayTaskNotSucceeded);
    public const string RunwayTaskHasNoOutput = nameof(RunwayTaskHasNoOutput);
    public const string OperationStopped = nameof(OperationStopped);
    public const string RunwayOutputError = nameof(RunwayOutputError);

    // Saving: terminating, the destination or the switches cannot be used.
    public const string ForceAndNoClobber = nameof(ForceAndNoClobber);
    public const string AmbiguousDestination = nameof(AmbiguousDestination);
    public const string DestinationNotFileSystem = nameof(DestinationNotFileSystem);
    public const string DestinationIsAFile = nameof(DestinationIsAFile);
    public const string InvalidDestination = nameof(InvalidDestination);
    public const string InvalidNameTemplate = nameof(InvalidNameTemplate);

    public static (string Id, ErrorCategory Category) Of(ConfigurationErrorKind kind) => kind switch
    {
        ConfigurationErrorKind.KeyMissing => (CometApiKeyMissing, ErrorCategory.AuthenticationError),
        ConfigurationErrorKind.KeyInvalid => (CometApiKeyInvalid, ErrorCategory.InvalidArgument),
        ConfigurationErrorKind.TaskBaseUriNotTrusted => (RunwayTaskBaseUriNotTrusted, ErrorCategory.SecurityError),
        _ => (CometApiBaseUriInvalid, ErrorCategory.InvalidArgument),
    };

    public static (string Id, ErrorCategory Category) Of(RunwayErrorKind kind) => kind switch
    {
        RunwayErrorKind.TaskNotVisible => (RunwayTaskNotVisible, ErrorCategory.ResourceUnavailable),
        RunwayErrorKind.Authentication => (RunwayAuthenticationFailed, ErrorCategory.AuthenticationError),
        RunwayErrorKind.NotFound => (RunwayTaskNotFound, ErrorCategory.ObjectNotFound),
        RunwayErrorKind.BadRequest => (RunwayBadRequest, ErrorCategory.InvalidArgument),
        RunwayErrorKind.RateLimited => (RunwayRateLimited, ErrorCategory.LimitsExceeded),
        RunwayErrorKind.QuotaExhausted => (RunwayQuotaExhausted, ErrorCategory.QuotaExceeded),
        RunwayErrorKind.ServerError => (RunwayServerError, ErrorCategory.ResourceUnavailable),
        RunwayErrorKind.MalformedResponse => (RunwayMalformedResponse, ErrorCategory.InvalidResult),
        RunwayErrorKind.Network => (RunwayNetworkError, ErrorCategory.ConnectionError),
        RunwayErrorKind.Timeout => (RunwayRequestTimeout, ErrorCategory.OperationTimeout),
        _ => (RunwayError, ErrorCategory.NotSpecified),
    };

    public static (string Id, ErrorCategory Category) Of(DownloadErrorKind kind) => kind switch
    {
        DownloadErrorKind.ResourceExists => (ResourceExists, ErrorCategory.ResourceExists),
        DownloadErrorKind.LinkExpired => (RunwayOutputLinkExpired, ErrorCategory.PermissionDenied),
        DownloadErrorKind.HttpError => (RunwayOutputHttpError, ErrorCategory.ResourceUnavailable),
        DownloadErrorKind.LengthMismatch => (RunwayOutputIncomplete, ErrorCategory.InvalidResult),
        DownloadErrorKind.Network => (RunwayOutputNetworkError, ErrorCategory.ConnectionError),
        DownloadErrorKind.NotWritable => (RunwayOutputNotWritable, ErrorCategory.WriteError),
        DownloadErrorKind.InvalidUrl => (InvalidOutputUrl, ErrorCategory.InvalidArgument),
        DownloadErrorKind.TaskNotSucceeded => (RunwayTaskNotSucceeded, ErrorCategory.InvalidOperation),
        DownloadErrorKind.NoOutput => (RunwayTaskHasNoOutput, ErrorCategory.InvalidResult),
        DownloadErrorKind.Cancelled => (OperationStopped, ErrorCategory.OperationStopped),
        _ => (RunwayOutputError, ErrorCategory.NotSpecified),
    };

    /// <summary>A create's error: one id per kind, and one per documented refusal, so scripts can tell "no task" from "may exist".</summary>
    public static (string Id, ErrorCategory Category) Of(RunwayCreateException error) => (error.Kind, error.Refusal) switch
    {
        (CreateErrorKind.InvalidRequest, _) => (RunwayCreateInvalidRequest, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Refused, CreateRefusal.CallbackUrlEmpty) => (RunwayCreateCallbackUrlEmpty, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Refused, CreateRefusal.ReferenceImagesEmpty) => (RunwayCreateReferenceImagesEmpty, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Refused, CreateRefusal.InvalidAsset) => (RunwayCreateInvalidAsset, ErrorCategory.InvalidData),
        (CreateErrorKind.Refused, CreateRefusal.RetiredModel) => (RunwayCreateRetiredModel, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Refused, CreateRefusal.MissingRunwayVersion) => (RunwayCreateMissingRunwayVersion, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Refused, _) => (RunwayCreateRefused, ErrorCategory.InvalidArgument),
        (CreateErrorKind.Authentication, _) => (RunwayAuthenticationFailed, ErrorCategory.AuthenticationError),
        (CreateErrorKind.QuotaExhausted, _) => (RunwayQuotaExhausted, ErrorCategory.QuotaExceeded),
        (CreateErrorKind.RateLimited, _) => (RunwayRateLimited, ErrorCategory.LimitsExceeded),
        (CreateErrorKind.NotReached, _) => (RunwayCreateNotSent, ErrorCategory.ConnectionError),
        (CreateErrorKind.OutcomeUnknown, _) => (RunwayCreateOutcomeUnknown, ErrorCategory.OperationStopped),
        _ => (RunwayCreateError, ErrorCategory.NotSpecified),
    };
}
