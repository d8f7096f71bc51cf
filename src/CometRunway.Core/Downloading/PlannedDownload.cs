using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Downloading;

/// <summary>One download, decided before anything is written: where it goes and what may be replaced.</summary>
internal sealed record PlannedDownload
{
    private readonly Uri url = null!;

    /// <summary>The URL to fetch, without user information: <c>user:password@</c> is never sent nor shown.</summary>
    public required Uri Url
    {
        get => url;
        init => url = UrlDisplay.WithoutUserInfo(value);
    }

    /// <summary>The task the output belongs to, when the request came from one.</summary>
    public RunwayTask? Task { get; init; }

    public string? TaskId { get; init; }

    public RunwayTaskFormat? TaskFormat { get; init; }

    /// <summary>Zero-based position in the task's output list.</summary>
    public int OutputIndex { get; init; }

    public required string Directory { get; init; }

    /// <summary>The sanitized file name without extension.</summary>
    public required string Stem { get; init; }

    /// <summary>
    /// The extension without its dot, taken from the URL path; null when the URL has none and the
    /// extension is settled from the response's Content-Type at download time.
    /// </summary>
    public string? Extension { get; init; }

    /// <summary>Replace a file already at the final path.</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Skip when the file at the final path is identical: the same length as the remote file and, when the
    /// server sends Last-Modified, the same modification time (saved files are stamped with Last-Modified).
    /// </summary>
    public bool SkipIfIdentical { get; init; }

    public bool ExtensionPending => Extension is null;

    /// <summary>The final path, or null while the extension is pending.</summary>
    public string? FinalPath => Extension is null ? null : Path.Combine(Directory, Stem + "." + Extension);

    /// <summary>
    /// What WhatIf shows: the final path, or <c>dir/stem.&lt;ext from Content-Type&gt;</c> when the extension is
    /// only known once the server answers.
    /// </summary>
    public string DisplayPath => FinalPath ?? Path.Combine(Directory, Stem + ".<ext from Content-Type>");

    /// <summary>1-based output number as messages say it.</summary>
    public int OutputNumber => OutputIndex + 1;

    public override string ToString() => $"{Url.GetLeftPart(UriPartial.Path)} -> {DisplayPath}";
}
