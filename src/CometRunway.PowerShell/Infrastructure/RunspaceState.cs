using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CometRunway.Core.Configuration;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// What the module remembers per runspace: the <c>Connect-CometApi</c> session and the task ids seen
/// (for tab completion). Keyed weakly by the runspace, so a closed runspace takes its state with it and
/// thread jobs or runbook jobs sharing a process never see each other's key.
/// </summary>
internal sealed class RunspaceState
{
    private const int MaxRememberedIds = 500;

    private static readonly ConditionalWeakTable<Runspace, RunspaceState> States = new();

    private readonly object gate = new();
    private readonly LinkedList<string> recentIds = new();
    private CometApiSession? session;

    public static RunspaceState Current =>
        Runspace.DefaultRunspace is { } runspace ? States.GetValue(runspace, static _ => new RunspaceState()) : new RunspaceState();

    public CometApiSession? Session
    {
        get { lock (gate) { return session; } }
        set { lock (gate) { session = value; } }
    }

    public void RememberTaskId(string id)
    {
        lock (gate)
        {
            recentIds.Remove(id);
            recentIds.AddFirst(id);
            if (recentIds.Count > MaxRememberedIds)
            {
                recentIds.RemoveLast();
            }
        }
    }

    /// <summary>The remembered ids, most recent first.</summary>
    public IReadOnlyList<string> RecentTaskIds()
    {
        lock (gate)
        {
            return recentIds.ToArray();
        }
    }
}
