using System.Management.Automation;
using CometRunway.Core.Downloading;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Error ids and categories for outputs that could not be saved.</summary>
internal static class DownloadErrorRecords
{
    public static ErrorRecord From(RunwayDownloadException error, object target)
    {
        var (id, category) = error.Kind switch
        {
            DownloadErrorKind.ResourceExists => ("ResourceExists", ErrorCategory.ResourceExists),
            DownloadErrorKind.LinkExpired => ("RunwayOutputLinkExpired", ErrorCategory.PermissionDenied),
            DownloadErrorKind.HttpError => ("RunwayOutputHttpError", ErrorCategory.ResourceUnavailable),
            DownloadErrorKind.LengthMismatch => ("RunwayOutputIncomplete", ErrorCategory.InvalidResult),
            DownloadErrorKind.Network => ("RunwayOutputNetworkError", ErrorCategory.ConnectionError),
            DownloadErrorKind.NotWritable => ("RunwayOutputNotWritable", ErrorCategory.WriteError),
            DownloadErrorKind.InvalidUrl => ("InvalidOutputUrl", ErrorCategory.InvalidArgument),
            DownloadErrorKind.TaskNotSucceeded => ("RunwayTaskNotSucceeded", ErrorCategory.InvalidOperation),
            DownloadErrorKind.NoOutput => ("RunwayTaskHasNoOutput", ErrorCategory.InvalidResult),
            DownloadErrorKind.Cancelled => ("OperationStopped", ErrorCategory.OperationStopped),
            DownloadErrorKind.Unexpected => ("RunwayOutputError", ErrorCategory.NotSpecified),
            _ => ("RunwayOutputError", ErrorCategory.NotSpecified),
        };
        var subject = error.Kind is DownloadErrorKind.ResourceExists or DownloadErrorKind.NotWritable && error.Path is not null ? error.Path : target;
        return ErrorRecords.Create(error, id, category, subject);
    }
}
