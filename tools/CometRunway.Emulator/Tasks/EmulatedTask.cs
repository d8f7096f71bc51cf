using System.Collections.ObjectModel;

namespace CometRunway.Emulator.Tasks;

/// <summary>
/// What the emulator answers for one task id: an immutable script whose current state is read from the
/// time elapsed since the task was added to the <see cref="EmulatedTaskStore"/>. A record, so factories compose:
/// <c>EmulatedTask.Running("t", 0.4) with { VisibleAfter = TimeSpan.FromSeconds(5) }</c>.
/// </summary>
public sealed record EmulatedTask
{
    public const string DefaultAction = "IMAGE_TO_VIDEO";

    public required string Id { get; init; }

    /// <summary>The feed's <c>action</c> field.</summary>
    public string Action { get; init; } = DefaultAction;

    /// <summary>
    /// Ordered steps; the current one is the last whose offset has passed. Before the first step, or with
    /// no steps at all, the task is <see cref="EmulatedState.Pending"/>.
    /// </summary>
    public IReadOnlyList<TimelineStep> Timeline { get; init; } = Array.Empty<TimelineStep>();

    /// <summary>
    /// Output URLs once succeeded; relative ones (<c>files/a.png</c>) resolve against the emulator's address.
    /// Null: one emulator file, <c>{base}files/{id}.mp4</c>. Empty: none.
    /// </summary>
    public IReadOnlyList<string>? Output { get; init; }

    /// <summary>Extra assets by field name, such as <c>poster</c> or <c>last_frame</c>, sent once succeeded (relative URLs allowed).</summary>
    public IReadOnlyDictionary<string, string> Assets { get; init; } = EmptyStrings;

    /// <summary>Sent as <c>failure</c> / <c>fail_reason</c> when failed (or cancelled, on the feed).</summary>
    public string? FailureReason { get; init; }

    public string? FailureCode { get; init; }

    /// <summary>Until this long after being added, the task answers <c>task_not_exist</c>. <see cref="TimeSpan.MaxValue"/>: never visible.</summary>
    public TimeSpan VisibleAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Send <c>task_not_exist</c> inside an HTTP 200 instead of a 400.</summary>
    public bool NotExistInsideOk { get; init; }

    /// <summary>Force a response shape on both routes; null uses the route's default (feed: Wrapped, official: Plain).</summary>
    public ResponseShape? Shape { get; init; }

    /// <summary>The nested provider object carries the older <c>video_url</c> field instead of <c>output</c>.</summary>
    public bool UseLegacyVideoUrl { get; init; }

    /// <summary>Extra properties written into the plain task and the nested provider object (values are serialized as JSON).</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = EmptyObjects;

    /// <summary>The <c>createdAt</c> / <c>submit_time</c> sent; null: the moment the task was added.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Pending, then running with rising progress, then succeeded at <paramref name="after"/>.</summary>
    public static EmulatedTask SucceedsAfter(string id, TimeSpan after, int progressSteps = 4) =>
        new() { Id = id, Timeline = Progression(after, progressSteps, TimelineStep.Succeeded(after)) };

    /// <summary>Already failed (or, with <paramref name="after"/>, failing after a run).</summary>
    public static EmulatedTask Fails(string id, string reason, string? code = null, TimeSpan? after = null) => new()
    {
        Id = id,
        FailureReason = reason,
        FailureCode = code,
        Timeline = after is { } at && at > TimeSpan.Zero
            ? Progression(at, 2, TimelineStep.Failed(at))
            : [TimelineStep.Failed(TimeSpan.Zero)],
    };

    public static EmulatedTask Succeeded(string id, params string[] output) => new()
    {
        Id = id,
        Output = output.Length == 0 ? null : output,
        Timeline = [TimelineStep.Succeeded(TimeSpan.Zero)],
    };

    /// <summary>Running forever at <paramref name="progress"/> (0..1).</summary>
    public static EmulatedTask Running(string id, double progress) =>
        new() { Id = id, Timeline = [TimelineStep.Running(TimeSpan.Zero, progress)] };

    public static EmulatedTask Pending(string id) =>
        new() { Id = id, Timeline = [TimelineStep.Pending(TimeSpan.Zero)] };

    public static EmulatedTask Throttled(string id) =>
        new() { Id = id, Timeline = [TimelineStep.Throttled(TimeSpan.Zero)] };

    public static EmulatedTask Cancelled(string id) =>
        new() { Id = id, Timeline = [TimelineStep.Cancelled(TimeSpan.Zero)] };

    /// <summary>Answers <c>task_not_exist</c> forever.</summary>
    public static EmulatedTask NeverVisible(string id, bool insideOk = false) =>
        new() { Id = id, VisibleAfter = TimeSpan.MaxValue, NotExistInsideOk = insideOk };

    /// <summary>Sends <paramref name="rawStatus"/> verbatim as the status, with <paramref name="state"/> behind it for the nested object.</summary>
    public static EmulatedTask WithRawStatus(string id, string rawStatus, EmulatedState state = EmulatedState.Running) =>
        new() { Id = id, Timeline = [new TimelineStep(TimeSpan.Zero, state, RawStatus: rawStatus)] };

    /// <summary>The state at <paramref name="elapsed"/> after the task was added.</summary>
    public TimelineStep StepAt(TimeSpan elapsed)
    {
        TimelineStep? current = null;
        foreach (var step in Timeline)
        {
            if (step.At > elapsed)
            {
                break;
            }

            current = step;
        }

        return current ?? NotStarted;
    }

    /// <summary>The offset of the first step in one of <paramref name="states"/>, if any.</summary>
    public TimeSpan? FirstOffsetOf(params EmulatedState[] states)
    {
        foreach (var step in Timeline)
        {
            if (Array.IndexOf(states, step.State) >= 0)
            {
                return step.At;
            }
        }

        return null;
    }

    public bool IsVisibleAt(TimeSpan elapsed) => VisibleAfter != TimeSpan.MaxValue && elapsed >= VisibleAfter;

    public override string ToString() => $"{Id} ({Timeline.Count} steps)";

    private static TimelineStep[] Progression(TimeSpan total, int runningSteps, TimelineStep last)
    {
        if (total <= TimeSpan.Zero)
        {
            return [last];
        }

        var steps = new List<TimelineStep> { TimelineStep.Pending(TimeSpan.Zero) };
        var count = Math.Max(1, runningSteps);
        for (var i = 1; i <= count; i++)
        {
            var fraction = (double)i / (count + 1);
            steps.Add(TimelineStep.Running(total * fraction, Math.Round(fraction, 3)));
        }

        steps.Add(last);
        return [.. steps];
    }

    private static readonly TimelineStep NotStarted = TimelineStep.Pending(TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> EmptyStrings = ReadOnlyDictionary<string, string>.Empty;
    private static readonly IReadOnlyDictionary<string, object?> EmptyObjects = ReadOnlyDictionary<string, object?>.Empty;
}
