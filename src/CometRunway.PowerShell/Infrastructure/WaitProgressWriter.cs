using CometRunway.Core.Waiting;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Shows the waiter's snapshots: about one a second while tasks are unfinished, even when nothing changed (a console
/// paints only the first record after its timer), with a bounded set of children.
/// </summary>
internal sealed class WaitProgressWriter
{
    private readonly ProgressTree tree;

    public WaitProgressWriter(ProgressTree tree) => this.tree = tree;

    public void Show(WaitProgressEvent snapshot)
    {
        var elapsed = snapshot.Elapsed >= TimeSpan.FromSeconds(1) ? ", " + WaitMessages.Duration(snapshot.Elapsed) : string.Empty;
        tree.ShowParent($"{snapshot.Done} of {snapshot.Total} tasks done{elapsed}", snapshot.Total == 0 ? 0 : (int)(100L * snapshot.Done / snapshot.Total));
        var active = snapshot.Active.Select(child => child.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in tree.ChildKeys.Where(id => !active.Contains(id)).ToList())
        {
            tree.CompleteChild(gone);
        }

        foreach (var child in snapshot.Active)
        {
            tree.ShowChild(child.Id, "Task " + child.Id, child.Status, child.Percent is { } p ? (int)p : null);
        }
    }
}
