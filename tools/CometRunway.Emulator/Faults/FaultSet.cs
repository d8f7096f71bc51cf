namespace CometRunway.Emulator.Faults;

/// <summary>
/// The active fault rules, tried in the order they were added. Reads are lock-free (copy on write);
/// each rule's remaining count is consumed atomically, so a rule for N requests fires exactly N times.
/// </summary>
public sealed class FaultSet
{
    private readonly object writeLock = new();
    private ActiveRule[] rules = [];

    public int Count => Volatile.Read(ref rules).Length;

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (writeLock)
        {
            rules = [.. rules, new ActiveRule(rule)];
        }
    }

    public void Clear()
    {
        lock (writeLock)
        {
            rules = [];
        }
    }

    /// <summary>The first rule that matches and still has uses left, consuming one use.</summary>
    internal FaultRule? Take(FaultRoute route, string? taskId)
    {
        foreach (var active in Volatile.Read(ref rules))
        {
            if (active.Rule.Matches(route, taskId) && active.TryConsume())
            {
                return active.Rule;
            }
        }

        return null;
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        private int remaining = rule.Count ?? int.MaxValue;

        public FaultRule Rule { get; } = rule;

        public bool TryConsume()
        {
            if (Rule.Count is null)
            {
                return true;
            }

            return Interlocked.Decrement(ref remaining) >= 0;
        }
    }
}
