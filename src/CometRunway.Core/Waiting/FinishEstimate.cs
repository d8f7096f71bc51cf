using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>
/// When a running task will likely finish, from what it reported, assuming its progress grows about linearly
/// while it runs: the rate between the first read that showed progress and the latest one, or, with only one
/// such read, the time since the task started (or was created) divided by its progress.
/// </summary>
internal static class FinishEstimate
{
    /// <summary>A progress rate is trusted only over at least this long: a shorter span is mostly rounding.</summary>
    private static readonly TimeSpan MinimumSpan = TimeSpan.FromSeconds(1);

    /// <summary>Server timestamps further back than this are taken as a clock problem, not as a run time.</summary>
    private static readonly TimeSpan MaximumRunTime = TimeSpan.FromDays(1);

    /// <returns>The estimated finish on the waiter's clock, or null when the task says too little (not running, no progress).</returns>
    public static TimeSpan? For(TaskWatch watch, RunwayTask task, TimeSpan now)
    {
        if (task.Status != RunwayTaskStatus.Running || task.Progress is not { } percent || percent <= 0 || percent >= 100)
        {
            return null;
        }

        if (watch.FirstProgress is { } first && percent > first.Percent && now - first.At >= MinimumSpan)
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
