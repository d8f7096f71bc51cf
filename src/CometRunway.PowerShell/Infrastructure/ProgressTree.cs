using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// One parent progress record and a child per item, linked by ParentActivityId, with one activity id
/// per invocation; remembers what it showed so that <see cref="CompleteAll"/> leaves no bar behind.
/// Callers throttle; this only writes.
/// </summary>
internal sealed class ProgressTree
{
    private readonly Cmdlet cmdlet;
    private readonly string activity;
    private readonly int parentId;
    private readonly Dictionary<string, (int Id, string Activity)> children = new(StringComparer.Ordinal);
    private int nextChildOffset = 1;
    private bool parentShown;

    public ProgressTree(Cmdlet cmdlet, string activity)
    {
        this.cmdlet = cmdlet;
        this.activity = activity;
        // Random so that two commands in one pipeline (Wait | Save) never share an activity id.
        parentId = Random.Shared.Next(1 << 20, 1 << 30);
    }

    public IReadOnlyCollection<string> ChildKeys => children.Keys;

    public void ShowParent(string status, int percent)
    {
        cmdlet.WriteProgress(new ProgressRecord(parentId, activity, status) { PercentComplete = Math.Clamp(percent, 0, 100) });
        parentShown = true;
    }

    public void ShowChild(string key, string childActivity, string status, int? percent, int? secondsRemaining = null, string? currentOperation = null)
    {
        if (!children.TryGetValue(key, out var child))
        {
            child = (parentId + nextChildOffset++, childActivity);
            children[key] = child;
        }

        cmdlet.WriteProgress(new ProgressRecord(child.Id, childActivity, status)
        {
            ParentActivityId = parentId,
            PercentComplete = percent is { } p ? Math.Clamp(p, 0, 100) : -1,
            SecondsRemaining = secondsRemaining ?? -1,
            CurrentOperation = currentOperation,
        });
    }

    public void CompleteChild(string key)
    {
        if (children.Remove(key, out var child))
        {
            cmdlet.WriteProgress(new ProgressRecord(child.Id, child.Activity, "Done")
            {
                ParentActivityId = parentId,
                RecordType = ProgressRecordType.Completed,
            });
        }
    }

    public void CompleteAll()
    {
        foreach (var key in children.Keys.ToList())
        {
            CompleteChild(key);
        }

        if (parentShown)
        {
            cmdlet.WriteProgress(new ProgressRecord(parentId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            parentShown = false;
        }
    }
}
