using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>
/// When a running task will likely finish, from what it reported, assuming its progress grows about linearly
/// while it runs: the rate between the first read that showed progress and the latest one, or, with only one
/// such read, the time since the task started (or was created) divided by its progress.
/// </summary>
internal static class FinishEstimate
{
    /// <summary>Server timestamps further back than this are taken as a clock problem, not as a run time.</summary>
    private static readonly TimeSpan MaximumRunTime = TimeSpan.FromDays(1);

    /// <param name="watch">What the waiter saw of the task so far (the first read that showed progress).</param>
    /// <param name="task">The task as just read.</param>
    /// <param name="now">The time of that read on the waiter's clock.</param>
    /// <param name="minimumSpan">A progress rate is trusted only over at least this long: over a shorter span it is mostly rounding.</param>
    /// <returns>The estimated finish on the waiter's clock, or null when the task says too little (not running, no progress).</returns>
    public static TimeSpan? For(TaskWatch watch, RunwayTask task, TimeSpan now, TimeSpan minimumSpan)
    {
        if (task.Status != RunwayTaskStatus.Running || task.Progress is not { } percent || percent <= 0 || percent >= 100)
        {
            return null;
        }

        if (watch.FirstProgress is { } first && percent > first.Percent && now - first.At >= minimumSpan)
        {
            return now + ((now - first.At) * ((100 - percent) / (percent - first.Percent)));
        }

        if ((task.StartedAt ?? task.CreatedAt) is { } started)
        {
            var ran = task.RetrievedAt - started;
            if (ran > TimeSpan.Zero && ran < MaximumRunTime)
            {
                return now + (ran * ((100 - percent) / percent));
            }
        }

        return null;
    }
}
