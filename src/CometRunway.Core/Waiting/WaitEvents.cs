using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>
/// Something the waiter reports to its report callback; the consumer turns it into pipeline output on its
/// own thread. Verbose text goes to the separate verbose callback.
/// </summary>
public abstract record WaitEvent;

/// <summary>The task succeeded (with output, or without after <see cref="WaitOptions.NoOutputGrace"/> and a warning).</summary>
internal sealed record TaskSucceededEvent(RunwayTask Task) : WaitEvent;

/// <summary>The task failed or was cancelled; <see cref="Message"/> names the reason and code.</summary>
internal sealed record TaskFailedEvent(RunwayTask Task, string Message) : WaitEvent;

/// <summary>The task answered <c>task_not_exist</c> for all of <see cref="WaitOptions.NotFoundTimeout"/>.</summary>
internal sealed record TaskNotFoundEvent(string Id, RunwayTaskFormat Format, TimeSpan Waited, string Message) : WaitEvent;

/// <summary>
/// The wait's <see cref="WaitOptions.Timeout"/> elapsed before this task finished. <see cref="Message"/> says
/// how long it has been in which status; <see cref="LastSeen"/> is the last read, if any succeeded.
/// </summary>
internal sealed record TaskTimedOutEvent(string Id, RunwayTaskFormat Format, string Message, RunwayTask? LastSeen) : WaitEvent;

/// <summary>The task cannot be waited for (404, 400, or transient errors for all of <see cref="WaitOptions.TransientErrorTimeout"/>).</summary>
internal sealed record TaskErrorEvent(string Id, RunwayTaskFormat Format, Exception Exception, string Message) : WaitEvent;

/// <summary>Something the user should know; <see cref="Id"/> is the task it concerns, if one.</summary>
internal sealed record WaitWarningEvent(string? Id, string Message) : WaitEvent;

/// <summary>
/// A progress snapshot, one per <see cref="WaitOptions.ProgressInterval"/> while tasks are unfinished (a heartbeat,
/// even when nothing changed), and one when the last ended: <see cref="Done"/> of
/// <see cref="Total"/> tasks finished, and at most <see cref="WaitOptions.MaxProgressChildren"/> active
/// tasks, the most recently changed first.
/// </summary>
internal sealed record WaitProgressEvent(int Done, int Total, IReadOnlyList<TaskProgressInfo> Active) : WaitEvent
{
    /// <summary>How long the wait has run.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// One active task in a progress snapshot. <see cref="Ordinal"/> is the task's stable 0-based number in
/// the order it was added, so a consumer can derive a stable child activity id from it.
/// </summary>
internal sealed record TaskProgressInfo(string Id, int Ordinal, string Status, double? Percent);
