using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Builds the module's error records: an id from <see cref="ErrorIds"/>, its category, the task or path as target.</summary>
internal static class ErrorRecords
{
    /// <param name="message">What the user reads, when it should say more than the exception's own message.</param>
    public static ErrorRecord Create(Exception error, string errorId, ErrorCategory category, object? target, string? message = null) =>
        new(error, errorId, category, Shown(target)) { ErrorDetails = new ErrorDetails(message ?? error.Message) };

    /// <summary>
    /// A URL target never carries its user information (<c>user:password@</c>): the error view, CategoryInfo and
    /// Export-Clixml all show the target, so every record is made safe here rather than by each caller.
    /// </summary>
    private static object? Shown(object? target) => target switch
    {
        Uri url => UrlDisplay.WithoutUserInfo(url),
        string text when text.Contains("://", StringComparison.Ordinal) && text.Contains('@') => UrlDisplay.Describe(text),
        _ => target,
    };

    public static ErrorRecord FromApi(RunwayApiException error, object target, string? message = null)
    {
        var (id, category) = ErrorIds.Of(error.Kind);
        return Create(error, id, category, target, message);
    }

    /// <param name="target">The piped input the request was made from, else the request (its route and fields) or the input it could not be made from.</param>
    /// <param name="inputLabel">Which piped input failed ("Input 3 (prompt 'a cat…')"), put before the message.</param>
    public static ErrorRecord FromCreate(RunwayCreateException error, object? target, string? inputLabel = null)
    {
        var (id, category) = ErrorIds.Of(error);
        return Create(error, id, category, target, inputLabel is null ? null : $"{inputLabel}: {error.Message}");
    }

    /// <summary>The target is the file for a file in the way or one that cannot be written, else <paramref name="target"/>.</summary>
    public static ErrorRecord FromDownload(RunwayDownloadException error, object target)
    {
        var (id, category) = ErrorIds.Of(error.Kind);
        var subject = error.Kind is DownloadErrorKind.ResourceExists or DownloadErrorKind.NotWritable && error.Path is not null ? error.Path : target;
        return Create(error, id, category, subject);
    }

    /// <param name="baseUri">
    /// The -BaseUri given, the target of an unusable address (without its user information, which the error view
    /// would show); a key is never a target.
    /// </param>
    public static ErrorRecord FromConfiguration(CometApiConfigurationException error, string? baseUri)
    {
        var (id, category) = ErrorIds.Of(error.Kind);
        var target = error.Kind == ConfigurationErrorKind.BaseUriInvalid && baseUri is not null ? UrlDisplay.Describe(baseUri) : null;
        return Create(error, id, category, target);
    }

    /// <summary>
    /// A task that could not be read: the API's error under its kind's id, a malformed id as InvalidRunwayTaskId, anything
    /// else (a bug) under <paramref name="otherwiseId"/>.
    /// </summary>
    public static ErrorRecord FromRead(Exception error, string id, string otherwiseId, string? message = null) => error switch
    {
        RunwayApiException api => FromApi(api, id, message),
        ArgumentException invalid => InvalidTaskId(invalid, id),
        _ => Create(error, otherwiseId, ErrorCategory.NotSpecified, id, message),
    };

    public static ErrorRecord InvalidTaskId(ArgumentException error, object target) =>
        Create(error, ErrorIds.InvalidRunwayTaskId, ErrorCategory.InvalidArgument, target);
}
