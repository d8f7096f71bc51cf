using System.Collections.Concurrent;

namespace CometRunway.Emulator.Tasks;

/// <summary>The tasks the emulator knows, keyed by id (ordinal). Safe for any number of concurrent readers and writers.</summary>
public sealed class EmulatedTaskStore
{
    private readonly ConcurrentDictionary<string, StoredTask> tasks = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    internal EmulatedTaskStore(TimeProvider time) => this.time = time;

    public int Count => tasks.Count;

    public IReadOnlyCollection<string> Ids => tasks.Keys.ToArray();

    /// <summary>Adds or replaces a task; its timeline starts now.</summary>
    public void Add(EmulatedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id);
        tasks[task.Id] = new StoredTask(task, time.GetUtcNow());
    }

    public void AddRange(IEnumerable<EmulatedTask> tasks)
    {
        foreach (var task in tasks)
        {
            Add(task);
        }
    }

    public bool Remove(string id) => tasks.TryRemove(id, out _);

    public void Clear() => tasks.Clear();

    /// <summary>The task as it looks now, or null when the id is unknown.</summary>
    public TaskView? View(string id) =>
        tasks.TryGetValue(id, out var stored) ? ViewOf(stored) : null;

    /// <summary>The task as it looks now, created by <paramref name="create"/> on first sight (once, even under races).</summary>
    internal TaskView? ViewOrCreate(string id, Func<string, EmulatedTask?> create)
    {
        if (tasks.TryGetValue(id, out var stored))
        {
            return ViewOf(stored);
        }

        var task = create(id);
        if (task is null)
        {
            return null;
        }

        return ViewOf(tasks.GetOrAdd(id, new StoredTask(task, time.GetUtcNow())));
    }

    private TaskView ViewOf(StoredTask stored)
    {
        var elapsed = time.GetUtcNow() - stored.AddedAt;
        return new TaskView(stored.Task, stored.AddedAt, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    private sealed record StoredTask(EmulatedTask Task, DateTimeOffset AddedAt);
}
