namespace CometRunway.Bench.Wait;

/// <summary>
/// How late the tasks were noticed: for each task, the time from its end state on the emulator timeline
/// (added + finish offset) to the moment the waiting side reported it. Only noticed tasks count.
/// </summary>
internal sealed record NoticeDelays(int Noticed, TimeSpan Mean, TimeSpan P95, TimeSpan Max)
{
    public static NoticeDelays Measure(DateTimeOffset added, IReadOnlyList<TimeSpan> finishOffsets, IReadOnlyList<DateTimeOffset?> noticedAt)
    {
        var delays = finishOffsets
            .Select((finish, i) => noticedAt[i] is { } at ? at - (added + finish) : (TimeSpan?)null)
            .OfType<TimeSpan>()
            .Order()
            .ToArray();
        if (delays.Length == 0)
        {
            return new NoticeDelays(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        }

        // Nearest rank: the smallest delay that at least 95 % of the noticed tasks did not exceed.
        var p95 = delays[(int)Math.Ceiling(0.95 * delays.Length) - 1];
        return new NoticeDelays(delays.Length, TimeSpan.FromTicks((long)delays.Average(d => d.Ticks)), p95, delays[^1]);
    }

    /// <summary>The index in the task set of an id made by <see cref="BenchTasks.Id"/>.</summary>
    public static int IndexOf(string id) => int.Parse(id.AsSpan(id.LastIndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);
}
