using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// What the module remembers per runspace: the <c>Connect-CometApi</c> session, the base addresses each key has
/// been used with (the base-address rule, <see cref="ConnectionResolver.ForTask"/>), and the task ids seen (for tab
/// completion). Keyed weakly by the runspace, so a closed runspace takes its state with it and
/// thread jobs or runbook jobs sharing a process never see each other's key.
/// </summary>
internal sealed class RunspaceState
{
    private const int MaxRememberedIds = 500;

    private static readonly ConditionalWeakTable<Runspace, RunspaceState> States = new();

    private readonly object gate = new();
    private readonly LinkedList<string> recentIds = new();
    private readonly List<(ApiKey Key, string Origin)> keyUses = new();
    private readonly List<string> notesForNextCommand = new();
    private CometApiSession? session;

    public static RunspaceState Current =>
        Runspace.DefaultRunspace is { } runspace ? States.GetValue(runspace, static _ => new RunspaceState()) : new RunspaceState();

    /// <summary>The 429 pause of each connection, shared by every command of the runspace (a pipeline's creates, reads and waits).</summary>
    public ConnectionPauses Pauses { get; } = new();

    public CometApiSession? Session
    {
        get { lock (gate) { return session; } }
        set { lock (gate) { session = value; } }
    }

    /// <summary>A command resolved <paramref name="key"/> for <paramref name="baseUri"/>: tasks from its origin may be read with that key from now on.</summary>
    public void RememberKeyUse(ApiKey key, Uri baseUri)
    {
        var origin = ConnectionResolver.Origin(baseUri);
        lock (gate)
        {
            if (!keyUses.Any(use => use.Key.Matches(key) && string.Equals(use.Origin, origin, StringComparison.OrdinalIgnoreCase)))
            {
                keyUses.Add((key, origin));
            }
        }
    }

    /// <summary>Whether a command of this runspace has resolved <paramref name="key"/> for the origin of <paramref name="baseUri"/>.</summary>
    public bool HasUsedKeyWith(ApiKey key, Uri baseUri)
    {
        var origin = ConnectionResolver.Origin(baseUri);
        lock (gate)
        {
            return keyUses.Any(use => use.Key.Matches(key) && string.Equals(use.Origin, origin, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Disconnect-CometApi: forgets the session and every base address a key was used with.</summary>
    public void Forget()
    {
        lock (gate)
        {
            session = null;
            keyUses.Clear();
        }
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

    /// <summary>A line for the next command's verbose stream: what a stopped command did after it could no longer write.</summary>
    public void NoteForNextCommand(string line)
    {
        lock (gate)
        {
            notesForNextCommand.Add(line);
        }
    }

    /// <summary>The notes left by stopped commands, once.</summary>
    public IReadOnlyList<string> TakeNotes()
    {
        lock (gate)
        {
            var notes = notesForNextCommand.ToArray();
            notesForNextCommand.Clear();
            return notes;
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
