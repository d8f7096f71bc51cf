using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>What the waiter knows about one task. Touched only by the waiter's loop.</summary>
internal sealed class TaskWatch
{
    private readonly Dictionary<RunwayTaskStatus, TimeSpan> firstSeen = new();

    public TaskWatch(string id, RunwayTaskFormat format, int ordinal, TimeSpan addedAt)
    {
        Id = id;
        Format = format;
        Ordinal = ordinal;
        AddedAt = addedAt;
        LastChangedAt = addedAt;
    }

    public string Id { get; }

    public RunwayTaskFormat Format { get; }

    public int Ordinal { get; }

    public TimeSpan AddedAt { get; }

    /// <summary>When the read in flight (or the last one) was started.</summary>
    public TimeSpan ReadStartedAt { get; set; }

    /// <summary>How many reads on the cadence were made (the first one included); the first delay is jittered.</summary>
    public int CadenceReads { get; set; }

    /// <summary>The read in flight started well after it was due (a stalled process, a full throttle).</summary>
    public bool StartedLate { get; set; }

    /// <summary>When the next read on the cadence is due: one interval after the previous cadence read started.</summary>
    public TimeSpan NextCadenceAt { get; set; }

    /// <summary>The queued (or running) read is an early one, placed where the task's progress says it will have finished.</summary>
    public bool ReadIsEarly { get; set; }

    /// <summary>When the last early read was due; the next one comes at least an interval later.</summary>
    public TimeSpan? LastEarlyReadAt { get; set; }

    /// <summary>The first read that showed the task running with some progress: when, and how far (0..100).</summary>
    public (TimeSpan At, double Percent)? FirstProgress { get; private set; }

    public RunwayTask? LastSeen { get; private set; }

    public TimeSpan LastChangedAt { get; private set; }

    /// <summary>Since when every answer was <c>task_not_exist</c>; null while the task is visible.</summary>
    public TimeSpan? NotVisibleSince { get; set; }

    /// <summary>Since when every answer was a transient error; null after a good read.</summary>
    public TimeSpan? ErrorSince { get; set; }

    public Exception? LastError { get; set; }

    /// <summary>How many reads in a row failed with a transient error; 0 after a good read.</summary>
    public int ConsecutiveErrors { get; set; }

    /// <summary>How many <c>task_not_exist</c> answers since the task was last seen; 0 after a good read.</summary>
    public int NotVisibleAnswers { get; set; }

    /// <summary>Since when the task has said SUCCEEDED without an output URL.</summary>
    public TimeSpan? NoOutputSince { get; set; }

    public bool UnknownStatusWarned { get; set; }

    public bool IsDone { get; set; }

    public TimeSpan? FirstSeen(RunwayTaskStatus status) => firstSeen.TryGetValue(status, out var at) ? at : null;

    /// <summary>
    /// The task as read, keeping the model and prompt of the object the caller gave: a read never returns them, and the
    /// task the waiter writes should still say what was asked for.
    /// </summary>
    public RunwayTask WithRequestOf(RunwayTask read) =>
        LastSeen is { } known && (known.Model ?? known.Prompt) is not null && read.Model is null && read.Prompt is null
            ? read with { Model = known.Model, Prompt = known.Prompt }
            : read;

    /// <summary>Records a successful read; true when the status or the progress changed.</summary>
    public bool Record(RunwayTask task, TimeSpan now)
    {
        var previous = LastSeen;
        LastSeen = task;
        NotVisibleSince = null;
        ErrorSince = null;
        LastError = null;
        ConsecutiveErrors = 0;
        NotVisibleAnswers = 0;
        firstSeen.TryAdd(task.Status, now);
        if (FirstProgress is null && task.Status == RunwayTaskStatus.Running && task.Progress is > 0 and < 100)
        {
            FirstProgress = (now, task.Progress.Value);
        }

        var changed = previous is null
            || previous.Status != task.Status
            || !string.Equals(previous.RawStatus, task.RawStatus, StringComparison.OrdinalIgnoreCase)
            || previous.Progress != task.Progress;
        if (changed)
        {
            LastChangedAt = now;
        }

        return changed;
    }
}
