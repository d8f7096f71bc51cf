namespace CometRunway.Core.Downloading;

/// <summary>
/// What a local path names, looked at without following a link at its end: whoever can create files in a
/// destination directory can plant a link there, and a link is never written or read through.
/// </summary>
internal static class LocalEntry
{
    /// <summary>Whether anything is at <paramref name="path"/>: a file, a directory, or a link, even one to nothing.</summary>
    public static bool Exists(string path) => IsLink(new FileInfo(path)) || File.Exists(path) || Directory.Exists(path);

    /// <summary>Null when <paramref name="path"/> is a file (not a link, not a directory); otherwise why it is not one.</summary>
    public static string? WhyNotAFile(string path)
    {
        var entry = new FileInfo(path);
        if (IsLink(entry))
        {
            return "it is a link";
        }

        if (!entry.Exists)
        {
            return Directory.Exists(path) ? "it is a directory" : "it is not there";
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a file with bytes in it, the only kind worth opening: a named pipe, socket or
    /// device shows no length, and opening one can block for ever.
    /// </summary>
    public static bool IsFileWithBytes(string path) => WhyNotAFile(path) is null && new FileInfo(path).Length > 0;

    /// <summary>A symbolic link, or on Windows any reparse point (junctions, mount points).</summary>
    public static bool IsLink(string path) => IsLink(new FileInfo(path));

    private static bool IsLink(FileInfo entry)
    {
        try
        {
            return entry.LinkTarget is not null || (entry.Exists && entry.Attributes.HasFlag(FileAttributes.ReparsePoint));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return true; // Cannot tell: treated as a link, so it is left alone.
        }
    }
}
