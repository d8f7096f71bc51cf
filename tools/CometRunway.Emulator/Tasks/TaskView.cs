namespace CometRunway.Emulator.Tasks;

/// <summary>An emulated task as seen at one moment: what the routes render.</summary>
/// <param name="Task">The script.</param>
/// <param name="AddedAt">When the task was added to the store (the timeline's zero).</param>
/// <param name="Elapsed">Time since <paramref name="AddedAt"/> at the moment of the request.</param>
public sealed record TaskView(EmulatedTask Task, DateTimeOffset AddedAt, TimeSpan Elapsed)
{
    public TimelineStep Step { get; } = Task.StepAt(Elapsed);

    public EmulatedState State => Step.State;

    public bool IsVisible => Task.IsVisibleAt(Elapsed);

    public bool IsTerminal => State is EmulatedState.Succeeded or EmulatedState.Failed or EmulatedState.Cancelled;

    public DateTimeOffset CreatedAt => Task.CreatedAt ?? AddedAt;

    /// <summary>When the task first ran, if it has by now.</summary>
    public DateTimeOffset? StartedAt => OffsetReached(
        Task.FirstOffsetOf(EmulatedState.Running, EmulatedState.Succeeded, EmulatedState.Failed, EmulatedState.Cancelled));

    public DateTimeOffset? FinishedAt => IsTerminal
        ? OffsetReached(Task.FirstOffsetOf(EmulatedState.Succeeded, EmulatedState.Failed, EmulatedState.Cancelled))
        : null;

    private DateTimeOffset? OffsetReached(TimeSpan? offset) =>
        offset is { } at && at <= Elapsed ? AddedAt + at : null;
}
