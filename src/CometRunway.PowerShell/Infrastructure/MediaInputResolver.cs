using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Turns what a user gives for an image or video into a <see cref="MediaInput"/>: an HTTPS URL or a data URI as given,
/// a path (relative to the current location, FileSystem only) as a file sent inline, or the output of a finished task.
/// Everything wrong ends in an InvalidRequest error that names the parameter; nothing is sent.
/// </summary>
/// <remarks>
/// Paths are literal, as with -LiteralPath: each media parameter names exactly one file, and names with '[' are common.
/// To pick files by pattern, pipe Get-ChildItem: its FileInfo objects bind by their PSPath.
/// </remarks>
internal static class MediaInputResolver
{
    private const string TaskParameter = "InputObject";

    /// <returns>Null when nothing was given (the request's own check then says whether the input is required).</returns>
    public static MediaInput? Resolve(PSCmdlet cmdlet, string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return MediaInput.LooksLikeUrl(value) && !IsPowerShellPath(cmdlet, value)
            ? MediaInput.FromUrl(value, parameterName)
            : MediaInput.FromFile(FileSystemPath(cmdlet, value, parameterName), parameterName);
    }

    /// <summary>
    /// The first output of a succeeded task, e.g. the image of a text_to_image task for an image_to_video one. The task
    /// may be live, deserialized or hand-made: it is read as every other cmdlet reads a piped task.
    /// </summary>
    public static MediaInput FromTask(object item, string parameterName)
    {
        TaskInput task;
        try
        {
            task = TaskInput.Read(item, withOutput: true);
        }
        catch (TaskInputException error)
        {
            throw Invalid(TaskParameter, $"{error.Message} To create tasks from CSV rows or other objects, give them a {parameterName} property or column.");
        }

        var status = task.Status?.ToString() ?? "of unknown status (the object has no Status)";
        if (task.Status != RunwayTaskStatus.Succeeded)
        {
            throw Invalid(TaskParameter, $"Task {task.Id} is {status}; only the output of a succeeded task can be used as {parameterName}. Pipe it through Wait-RunwayTask first.");
        }

        if (task.Output is not { Count: > 0 } output)
        {
            throw Invalid(TaskParameter, $"Task {task.Id} succeeded without an output URL, so it has nothing to use as {parameterName}.");
        }

        if (output[0].Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid(TaskParameter, $"The output of task {task.Id} is not an HTTPS URL ({Core.Http.UrlDisplay.Describe(output[0])}), and Runway only fetches https:// addresses; download it with Save-RunwayOutput and give the file as {parameterName}.");
        }

        return MediaInput.FromUrl(output[0].AbsoluteUri, parameterName);
    }

    /// <summary>A drive-qualified (<c>Temp:/a.png</c>) or provider-qualified (<c>FileSystem::/a.png</c>) path looks like a URL to a scheme test.</summary>
    private static bool IsPowerShellPath(PSCmdlet cmdlet, string value)
    {
        var colon = value.IndexOf(':');
        if (value.AsSpan(colon).StartsWith("::"))
        {
            return true;
        }

        var prefix = value[..colon].Trim();
        return cmdlet.SessionState.Drive.GetAll().Any(drive => string.Equals(drive.Name, prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static string FileSystemPath(PSCmdlet cmdlet, string value, string parameterName)
    {
        string path;
        ProviderInfo provider;
        try
        {
            path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(value, out provider, out _);
        }
        catch (Exception error) when (error is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException)
        {
            throw Invalid(parameterName, $"{parameterName}: '{value}' is neither an HTTPS URL nor a usable path: {error.Message}");
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(parameterName, $"{parameterName}: '{value}' is on the {provider.Name} provider; give a file system path or an HTTPS URL.");
        }

        return path;
    }

    private static RunwayCreateException Invalid(string parameterName, string message) =>
        new(CreateErrorKind.InvalidRequest, message) { ParameterName = parameterName };
}
