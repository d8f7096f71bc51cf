namespace CometRunway.Core.Waiting;

/// <summary>
/// The per-task delays: <see cref="WaitOptions.InitialPollDelay"/> doubling up to
/// <see cref="WaitOptions.PollInterval"/>, each lengthened by a random jitter.
/// </summary>
public sealed class PollSchedule
{
    private readonly TimeSpan initial;
    private readonly TimeSpan interval;
    private readonly double jitter;

    public PollSchedule(WaitOptions options)
    {
        initial = options.InitialPollDelay < options.PollInterval ? options.InitialPollDelay : options.PollInterval;
        interval = options.PollInterval;
        jitter = options.JitterFraction;
    }

    /// <summary>The delay before read number <paramref name="step"/> + 1, without jitter.</summary>
    public TimeSpan BaseDelay(int step)
    {
        var delay = initial;
        for (var i = 0; i < step && delay < interval; i++)
        {
            delay += delay;
        }

        return delay < interval ? delay : interval;
    }

    /// <summary>The delay before read number <paramref name="step"/> + 1: the base delay times [1, 1 + jitter).</summary>
    public TimeSpan NextDelay(int step, Random random) => Jittered(BaseDelay(step), random);

    public TimeSpan Jittered(TimeSpan delay, Random random) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (1 + (random.NextDouble() * jitter))));

    /// <summary>The average delay of a step, for computing how many requests the schedule needs.</summary>
    public TimeSpan MeanDelay(int step) => TimeSpan.FromTicks((long)(BaseDelay(step).Ticks * (1 + (jitter / 2))));
}
