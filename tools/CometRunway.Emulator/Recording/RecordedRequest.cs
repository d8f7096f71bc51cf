namespace CometRunway.Emulator.Recording;

/// <summary>One request the emulator received, as sent.</summary>
/// <param name="Timestamp">When the emulator received it (from the emulator's time provider).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The path, fully percent-decoded.</param>
/// <param name="RawTarget">The request target exactly as sent (path and query), to check id escaping.</param>
/// <param name="Query">The query string without the leading '?', still encoded; empty when none.</param>
/// <param name="Headers">Every request header (case-insensitive names; repeated values joined with ", ").</param>
/// <param name="Body">The request body as UTF-8 text; empty when none.</param>
public sealed record RecordedRequest(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string RawTarget,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The value of one header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {RawTarget}";
}
