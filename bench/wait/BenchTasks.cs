using CometRunway.Emulator.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The task set, derived from a seed so the emulator process and the measuring process agree on every
/// finish time: finish offsets uniform over [2 s, spread], one task in ten failing. Each task is pending for the
/// first 1 / (steps + 1) of its time, then reports progress rising in <see cref="ProgressSteps"/> equal steps
/// (the emulator's default is 4: 20, 40, 60, 80 %), then ends.
/// </summary>
internal sealed record BenchTasks(int Count, TimeSpan Spread, int Seed, int ProgressSteps = 4)
{
    public IReadOnlyList<TimeSpan> FinishOffsets()
    {
        var random = new Random(Seed);
        var min = TimeSpan.FromSeconds(2);
        return Enumerable.Range(0, Count)
            .Select(_ => min + ((Spread - min) * random.NextDouble()))
            .ToArray();
    }

    public static string Id(string prefix, int index) => $"{prefix}-{index:0000}";

    public IEnumerable<EmulatedTask> Emulated(string prefix) => FinishOffsets().Select((finish, i) =>
    {
        var task = EmulatedTask.SucceedsAfter(Id(prefix, i), finish, ProgressSteps);
        return i % 10 == 9
            ? task with
            {
                FailureReason = "The output was rejected",
                FailureCode = "INTERNAL.BAD_OUTPUT.CODE01",
                Timeline = [.. task.Timeline.Take(task.Timeline.Count - 1), TimelineStep.Failed(finish)],
            }
            : task;
    });

    public IReadOnlyList<string> Ids(string prefix) => Enumerable.Range(0, Count).Select(i => Id(prefix, i)).ToArray();
}
