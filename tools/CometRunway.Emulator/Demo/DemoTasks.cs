using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator.Demo;

/// <summary>The tasks of the standalone (demo) mode.</summary>
internal static class DemoTasks
{
    public const string SucceededId = "demo-succeeded";
    public const string FailedId = "demo-failed";
    public const string MissingPrefix = "missing-";

    public static void Seed(EmulatedTaskStore store)
    {
        store.Add(EmulatedTask.Succeeded(SucceededId) with
        {
            Assets = new Dictionary<string, string> { ["poster"] = $"files/{SucceededId}.png" },
        });
        store.Add(EmulatedTask.Fails(FailedId, "The input text was flagged by content moderation.", "SAFETY.INPUT.TEXT"));
    }

    /// <summary>Null (stays <c>task_not_exist</c>) for <c>missing-*</c>; otherwise a task that succeeds after <paramref name="duration"/>.</summary>
    public static EmulatedTask? CreateForUnknownId(string id, TimeSpan duration) =>
        id.StartsWith(MissingPrefix, StringComparison.Ordinal)
            ? null
            : EmulatedTask.SucceedsAfter(id, duration, progressSteps: 9);
}
