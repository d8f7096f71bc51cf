namespace CometRunway.Emulator.Tasks;

/// <summary>
/// From <see cref="At"/> after the task was added (until the next step), the task is in <see cref="State"/>.
/// </summary>
/// <param name="At">Offset from the moment the task was added to the store.</param>
/// <param name="State">The normalized state the routes translate into their own vocabulary.</param>
/// <param name="Progress">0..1; sent as a fraction on Runway objects and as "NN%" on the feed.</param>
/// <param name="RawStatus">When set, sent verbatim as the outer status instead of the route's word (tolerance tests).</param>
/// <param name="OmitOutput">A success that carries no output URL yet (clients should keep polling a while).</param>
public sealed record TimelineStep(
    TimeSpan At,
    EmulatedState State,
    double Progress = 0,
    string? RawStatus = null,
    bool OmitOutput = false)
{
    public static TimelineStep Pending(TimeSpan at) => new(at, EmulatedState.Pending);

    public static TimelineStep Throttled(TimeSpan at) => new(at, EmulatedState.Throttled);

    public static TimelineStep Running(TimeSpan at, double progress) => new(at, EmulatedState.Running, progress);

    public static TimelineStep Succeeded(TimeSpan at) => new(at, EmulatedState.Succeeded, 1);

    public static TimelineStep Failed(TimeSpan at) => new(at, EmulatedState.Failed);

    public static TimelineStep Cancelled(TimeSpan at) => new(at, EmulatedState.Cancelled);
}
