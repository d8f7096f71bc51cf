using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator.Responses;

/// <summary>Each route's status vocabulary (docs/design/wire-format.md, "Status words").</summary>
internal static class StatusWords
{
    public static string Runway(EmulatedState state) => state switch
    {
        EmulatedState.Pending => "PENDING",
        EmulatedState.Throttled => "THROTTLED",
        EmulatedState.Running => "RUNNING",
        EmulatedState.Succeeded => "SUCCEEDED",
        EmulatedState.Failed => "FAILED",
        EmulatedState.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The feed has no word for throttled or cancelled: QUEUED and FAILURE (with a reason) stand in.</summary>
    public static string Feed(EmulatedState state) => state switch
    {
        EmulatedState.Pending or EmulatedState.Throttled => "QUEUED",
        EmulatedState.Running => "IN_PROGRESS",
        EmulatedState.Succeeded => "SUCCESS",
        EmulatedState.Failed or EmulatedState.Cancelled => "FAILURE",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The outer status of the route asked: the step's raw override, else the route's word.</summary>
    public static string Outer(FaultRoute route, TimelineStep step) =>
        step.RawStatus ?? (route == FaultRoute.Feed ? Feed(step.State) : Runway(step.State));
}
