namespace CometRunway.Core.Downloading;

/// <summary>An attempt failed in a way another attempt may fix; becomes <see cref="FinalKind"/> when attempts run out.</summary>
internal sealed class TransientDownloadProblem : Exception
{
    public TransientDownloadProblem(DownloadErrorKind finalKind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FinalKind = finalKind;
    }

    public DownloadErrorKind FinalKind { get; }

    /// <summary>How long the file host asked us to wait (Retry-After), if it did.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
