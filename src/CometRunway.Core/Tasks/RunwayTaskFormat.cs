namespace CometRunway.Core.Tasks;

/// <summary>Which CometAPI route a task is read from.</summary>
/// <remarks>
/// Backed by <see cref="long"/> on purpose: PowerShell's ConvertTo-Json writes 64-bit enums by name (JavaScript
/// cannot hold every 64-bit number), so a task converts to JSON with its status and route as words, as a user means them.
/// </remarks>
public enum RunwayTaskFormat : long
{
    /// <summary><c>GET /runwayml/v1/tasks/{id}</c>.</summary>
    Official = 0,

    /// <summary><c>POST /runway/feed</c> (the compatibility format).</summary>
    Feed,
}
