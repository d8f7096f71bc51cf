using CometRunway.Emulator.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The task set, derived from a seed so the emulator process and the measuring process agree on every
/// finish time: finish offsets uniform over [2 s, spread], one task in ten failing.
/// </summary>
internal sealed record BenchTasks(int Count, TimeSpan Spread, int Seed)
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

    public IEnumerable<EmulatedTask> Emulated(string prefix) => FinishOffsets().Select((finish, i) => i % 10 == 9
        ? EmulatedTask.Fails(Id(prefix, i), "The output was rejected", "INTERNAL.BAD_OUTPUT.CODE01", finish)
        : EmulatedTask.SucceedsAfter(Id(prefix, i), finish));

    public IReadOnlyList<string> Ids(string prefix) => Enumerable.Range(0, Count).Select(i => Id(prefix, i)).ToArray();
}
