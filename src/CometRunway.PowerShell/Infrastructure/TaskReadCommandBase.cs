using System.Management.Automation;
using CometRunway.Core.Reading;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Get-RunwayTask and Get-RunwayFeedTask: start a read for every id the moment it arrives, and write the
/// results in input order.
/// </summary>
public abstract class TaskReadCommandBase : BackgroundCommandBase<ReadEvent>
{
    protected const string ByIdSet = "Id";
    protected const string ByInputObjectSet = "InputObject";

    private BatchTaskReader? reader;
    private TaskRoutes? routes;

    /// <summary>
    /// Tasks (live or deserialized), task ids, or objects with an Id, TaskId or task_id property; each is read again
    /// at the base address it came from.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>How many requests may be in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected abstract RunwayTaskFormat Format { get; }

    /// <summary>The ids bound from the -Id/-TaskId parameter of the concrete command.</summary>
    protected abstract IEnumerable<string> BoundIds { get; }

    protected override Task StartEngine()
    {
        routes = CreateRoutes(ResolveConnection(), PostVerbose);
        reader = new BatchTaskReader(routes.Source, ThrottleLimit, Post, StopToken);
        return reader.Completion;
    }

    /// <summary>
    /// Reads each task through its own route: a plain id, or an object that names no route, through the cmdlet's;
    /// a task object (or an object with a Format) through the one it names, as Wait and Save do.
    /// </summary>
    protected override void ProcessInput() => TaskInputLoop.Run(
        TaskInputLoop.Items(ParameterSetName == ByInputObjectSet, InputObject, BoundIds),
        routes!,
        input => reader!.Add(input.Id, input.Format ?? Format),
        WriteError,
        (id, invalid) => reader!.AddFailed(id, Format, invalid));

    protected override void CompleteInput() => reader!.CompleteAdding();

    protected override void Write(ReadEvent item)
    {
        switch (item)
        {
            case ReadEvent.Read read:
                WriteTask(read.Task);
                break;
            case ReadEvent.Failed failed:
                WriteError(ErrorRecords.FromRead(failed.Error, failed.Id, ErrorIds.RunwayError));
                break;
        }
    }
}
