namespace CometRunway.Core.Tasks;

/// <summary>The state of a Runway task, normalized across the feed and official routes.</summary>
public enum RunwayTaskStatus
{
    Unknown = 0,
    Pending,
    Throttled,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
