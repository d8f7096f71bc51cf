using System.Management.Automation;
using CometRunway.Core.Waiting;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Turns the waiter's progress snapshots into one parent record and a child per shown task, and
/// completes every record it started. The waiter already limits snapshots to about one a second and
/// children to a bounded set.
/// </summary>
internal sealed class WaitProgressWriter
{
    private const string Activity = "Waiting for Runway tasks";

    private readonly Cmdlet cmdlet;
    private readonly int parentId;
    private readonly Dictionary<string, int> shownChildren = new(StringComparer.Ordinal);
    private bool parentShown;

    public WaitProgressWriter(Cmdlet cmdlet)
    {
        this.cmdlet = cmdlet;
        // One activity id per invocation, so two waits in one session (or in nested pipelines) don't overwrite each other.
        parentId = Random.Shared.Next(1 << 20, 1 << 30);
    }

    public void Show(WaitProgressEvent snapshot)
    {
        var percent = snapshot.Total == 0 ? 0 : (int)(100L * snapshot.Done / snapshot.Total);
        cmdlet.WriteProgress(new ProgressRecord(parentId, Activity, $"{snapshot.Done} of {snapshot.Total} tasks done")
        {
            PercentComplete = percent,
        });
        parentShown = true;

        var stillActive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in snapshot.Active)
        {
            stillActive.Add(child.Id);
            if (!shownChildren.TryGetValue(child.Id, out var childId))
            {
                childId = parentId + 1 + (child.Ordinal % (1 << 19));
                shownChildren[child.Id] = childId;
            }

            cmdlet.WriteProgress(new ProgressRecord(childId, "Task " + child.Id, child.Status)
            {
                ParentActivityId = parentId,
                PercentComplete = child.Percent is { } p ? (int)Math.Clamp(p, 0, 100) : -1,
            });
        }

        foreach (var gone in shownChildren.Keys.Where(id => !stillActive.Contains(id)).ToList())
        {
            CompleteChild(gone);
        }
    }

    public void CompleteAll()
    {
        foreach (var id in shownChildren.Keys.ToList())
        {
            CompleteChild(id);
        }

        if (parentShown)
        {
            cmdlet.WriteProgress(new ProgressRecord(parentId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            parentShown = false;
        }
    }

    private void CompleteChild(string id)
    {
        cmdlet.WriteProgress(new ProgressRecord(shownChildren[id], "Task " + id, "Done")
        {
            ParentActivityId = parentId,
            RecordType = ProgressRecordType.Completed,
        });
        shownChildren.Remove(id);
    }
}
