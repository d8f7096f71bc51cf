namespace CometRunway.Core.Tasks;

/// <summary>The state of a Runway task, normalized across the feed and official routes.</summary>
/// <remarks>
/// Backed by <see cref="long"/> on purpose: PowerShell's ConvertTo-Json writes 64-bit enums by name (JavaScript
/// cannot hold every 64-bit number), so a task converts to JSON with its status and route as words, as a user means them.
/// </remarks>
public enum RunwayTaskStatus : long
{
    Unknown = 0,
    Pending,
    Throttled,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
