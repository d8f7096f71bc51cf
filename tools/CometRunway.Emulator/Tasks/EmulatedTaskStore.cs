using System.Collections.Concurrent;

namespace CometRunway.Emulator.Tasks;

/// <summary>The tasks the emulator knows, keyed by id (ordinal). Safe for any number of concurrent readers and writers.</summary>
public sealed class EmulatedTaskStore
{
    private readonly ConcurrentDictionary<string, StoredTask> _tasks = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal EmulatedTaskStore(TimeProvider time) => _time = time;

    public int Count => _tasks.Count;

    public IReadOnlyCollection<string> Ids => _tasks.Keys.ToArray();

    /// <summary>Adds or replaces a task; its timeline starts now.</summary>
    public void Add(EmulatedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id);
        _tasks[task.Id] = new StoredTask(task, _time.GetUtcNow());
    }

    public void AddRange(IEnumerable<EmulatedTask> tasks)
    {
        foreach (var task in tasks)
        {
            Add(task);
        }
    }

    public bool Remove(string id) => _tasks.TryRemove(id, out _);

    public void Clear() => _tasks.Clear();

    /// <summary>The task as it looks now, or null when the id is unknown.</summary>
    public TaskView? View(string id) =>
        _tasks.TryGetValue(id, out var stored) ? ViewOf(stored) : null;

    /// <summary>The task as it looks now, created by <paramref name="create"/> on first sight (once, even under races).</summary>
    internal TaskView? ViewOrCreate(string id, Func<string, EmulatedTask?> create)
    {
        if (_tasks.TryGetValue(id, out var stored))
        {
            return ViewOf(stored);
        }

        var task = create(id);
        if (task is null)
        {
            return null;
        }

        return ViewOf(_tasks.GetOrAdd(id, new StoredTask(task, _time.GetUtcNow())));
    }

    private TaskView ViewOf(StoredTask stored)
    {
        var elapsed = _time.GetUtcNow() - stored.AddedAt;
        return new TaskView(stored.Task, stored.AddedAt, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    private sealed record StoredTask(EmulatedTask Task, DateTimeOffset AddedAt);
}
