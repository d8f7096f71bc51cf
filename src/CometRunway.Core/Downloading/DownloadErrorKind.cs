namespace CometRunway.Core.Downloading;

/// <summary>Why one output was not saved. The cmdlet maps each kind to an error id and category.</summary>
public enum DownloadErrorKind
{
    /// <summary>A file is already at the final path and neither Force nor an identical-file skip applied.</summary>
    ResourceExists,

    /// <summary>The file host answered 403 or 410: the signed link has expired and could not be refreshed.</summary>
    LinkExpired,

    /// <summary>The file host answered with an HTTP status that retrying will not fix.</summary>
    HttpError,

    /// <summary>The body did not have the length the server declared.</summary>
    LengthMismatch,

    /// <summary>The connection failed, stalled or dropped on every attempt.</summary>
    Network,

    /// <summary>The destination directory or file cannot be created or written.</summary>
    NotWritable,

    /// <summary>The URL is not absolute http or https, or a redirect pointed elsewhere or looped.</summary>
    InvalidUrl,

    /// <summary>The task has not succeeded, so it has nothing to save.</summary>
    TaskNotSucceeded,

    /// <summary>The task succeeded but carries no output URL.</summary>
    NoOutput,

    /// <summary>The caller cancelled (Ctrl+C).</summary>
    Cancelled,

    /// <summary>Something nobody planned for went wrong with this one download; the others carry on.</summary>
    Unexpected,
}
