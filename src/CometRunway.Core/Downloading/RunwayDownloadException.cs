using CometRunway.Core.Http;

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

    private readonly Uri? url;

    /// <summary>The URL concerned, without user information (<c>user:password@</c> never appears in an error).</summary>
    public Uri? Url
    {
        get => url;
        init => url = value is null ? null : UrlDisplay.WithoutUserInfo(value);
    }

    /// <summary>The final path concerned, when there is one.</summary>
    public string? Path { get; init; }
}
