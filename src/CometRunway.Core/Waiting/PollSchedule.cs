namespace CometRunway.Core.Waiting;

/// <summary>
/// When a task is read again: every <see cref="WaitOptions.PollInterval"/> from the start of its previous
/// cadence read, never sooner. Only the first delay (and the one after a read that started late) is lengthened by a
/// random jitter, which spreads tasks added together over part of the interval; from then on each keeps its own
/// phase, so the jitter costs almost no notice delay.
/// Reads off the cadence are placed by <see cref="FinishEstimate"/>, and only where they are likely to end the task.
/// </summary>
internal sealed class PollSchedule
{
    private readonly TimeSpan interval;
    private readonly double jitter;

    public PollSchedule(WaitOptions options)
    {
        interval = options.PollInterval;
        jitter = options.JitterFraction;
    }

    public TimeSpan Interval => interval;

    /// <summary>
    /// Reads are started on a grid of this step (a hundredth of the interval, 50 ms at 5 s): all reads that fall due
    /// within one step start together, late by less than a step, never early. Waking the loop once for several
    /// reads instead of once for each is what keeps its CPU per read low; the notice delay grows by half a step.
    /// </summary>
    public TimeSpan Tick => interval / 100;

    /// <summary>The first step of the grid at or after <paramref name="due"/>.</summary>
    public TimeSpan OnTick(TimeSpan due)
    {
        var step = Tick.Ticks;
        return step <= 0 || due.Ticks <= 0 ? due : TimeSpan.FromTicks(((due.Ticks + step - 1) / step) * step);
    }

    /// <summary>
    /// A read that starts this much after it was due (the process stalled, or every slot was busy) started together
    /// with others that were due meanwhile: its next delay is jittered again, so they do not stay in lockstep.
    /// </summary>
    public TimeSpan LateStart => interval / 10;

    /// <summary>
    /// The delay from the first read (or from adding a task object that was just read, or from a read that started
    /// late) to the next: the interval times [1, 1 + jitter).
    /// </summary>
    public TimeSpan FirstDelay(Random random) => TimeSpan.FromTicks((long)(interval.Ticks * (1 + (random.NextDouble() * jitter))));

    /// <summary>
    /// The least gap between a read and an early read after it, and the least an early read must gain over the
    /// cadence read it comes before: below that a guess is not worth a request.
    /// </summary>
    public TimeSpan EarlyReadMinimumGap => interval / 5;
}
