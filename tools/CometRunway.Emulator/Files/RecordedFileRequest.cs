namespace CometRunway.Emulator.Files;

/// <summary>One request the file host received, as the tests inspect it.</summary>
public sealed record RecordedFileRequest(
    string Path,
    string Query,
    bool HadAuthorization,
    string? Range,
    string? IfRange,
    string? UserAgent,
    IReadOnlyList<string> HeaderNames);
