namespace CometRunway.Core.Downloading;

/// <summary>One output cannot be planned or saved; <see cref="Kind"/> says why and the message says what to do.</summary>
public sealed class RunwayDownloadException : Exception
{
    public RunwayDownloadException(DownloadErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public DownloadErrorKind Kind { get; }

    public string? TaskId { get; init; }

    public Uri? Url { get; init; }

    /// <summary>The final path concerned, when there is one.</summary>
    public string? Path { get; init; }
}
