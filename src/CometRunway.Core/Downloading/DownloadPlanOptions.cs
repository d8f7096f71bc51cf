namespace CometRunway.Core.Downloading;

/// <summary>Where and under which names a batch of downloads is saved, and what to do with files already there.</summary>
internal sealed record DownloadPlanOptions
{
    /// <summary>An absolute directory; created at download time when missing (never while planning, so WhatIf writes nothing).</summary>
    public required string DestinationDirectory { get; init; }

    /// <summary>
    /// The file name without extension. Tokens: <c>{TaskId}</c>, <c>{Index}</c> (1-based output number),
    /// <c>{Name}</c> (the URL's file name without extension). The extension is always appended.
    /// Null: <c>&lt;taskId&gt;</c> or <c>&lt;taskId&gt;_&lt;n&gt;</c> for tasks with several outputs, or the URL's file name.
    /// </summary>
    public string? NameTemplate { get; init; }

    /// <summary>Replace a file already at the final path.</summary>
    public bool Force { get; init; }

    /// <summary>Leave alone a file already at the final path that is identical to the remote one (see <see cref="PlannedDownload.SkipIfIdentical"/>).</summary>
    public bool SkipIdentical { get; init; }
}
