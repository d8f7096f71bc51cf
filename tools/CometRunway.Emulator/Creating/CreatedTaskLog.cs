using System.Collections.Concurrent;

namespace CometRunway.Emulator.Creating;

/// <summary>Every task the create routes made, oldest first: tests count them to prove a retry made no duplicate.</summary>
internal sealed class CreatedTaskLog
{
    private readonly ConcurrentQueue<CreatedTaskRecord> created = new();
    private long alternation;

    public int Count => created.Count;

    public void Add(CreatedTaskRecord record) => created.Enqueue(record);

    public IReadOnlyList<CreatedTaskRecord> Snapshot() => created.ToArray();

    /// <summary>Whether the next compatibility answer uses the older envelope, for <see cref="EnvelopeStyle.Alternating"/>.</summary>
    public bool NextIsOlder() => (Interlocked.Increment(ref alternation) & 1) == 0;

    public void Clear()
    {
        created.Clear();
        Interlocked.Exchange(ref alternation, 0);
    }
}
