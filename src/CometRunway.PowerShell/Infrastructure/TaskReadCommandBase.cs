using System.Management.Automation;
using CometRunway.Core.Http;
using CometRunway.Core.Pipeline;
using CometRunway.Core.Reading;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Get-RunwayTask and Get-RunwayFeedTask: start a read for every id the moment it arrives, and write the
/// results, in input order, from the pipeline thread.
/// </summary>
public abstract class TaskReadCommandBase : ApiCommandBase
{
    protected const string ByIdSet = "Id";
    protected const string ByInputObjectSet = "InputObject";

    private EventPump<ReadEvent>? pump;
    private BatchTaskReader? reader;

    /// <summary>Task objects from another CometRunway command; their ids are read again.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
    [ValidateNotNull]
    public RunwayTask[] InputObject { get; set; } = Array.Empty<RunwayTask>();

    /// <summary>How many requests may be in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected abstract RunwayTaskFormat Format { get; }

    /// <summary>The ids bound from the -Id/-TaskId parameter of the concrete command.</summary>
    protected abstract IEnumerable<string> BoundIds { get; }

    protected override void BeginProcessing()
    {
        var connection = ResolveConnection();
        pump = new EventPump<ReadEvent>();
        var events = pump;
        var client = CreateClient(connection, message => events.Post(new ReadVerbose(message)));
        reader = new BatchTaskReader(client, ThrottleLimit, events.Post, StopToken);
    }

    protected override void ProcessRecord()
    {
        var ids = ParameterSetName == ByInputObjectSet ? InputObject.Select(task => task.Id) : BoundIds;
        foreach (var id in ids)
        {
            reader!.Add(id, Format);
        }

        pump!.DrainAvailable(Write);
    }

    protected override void EndProcessing()
    {
        var events = pump!;
        _ = reader!.WhenAllAsync().ContinueWith(_ => events.Complete(), TaskScheduler.Default);
        events.DrainUntilComplete(Write, StopToken);
        ThrowIfStopping();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AwaitQuietly(reader?.WhenAllAsync());
            pump?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Write(ReadEvent item)
    {
        switch (item)
        {
            case ReadEvent.Read read:
                RunspaceState.Current.RememberTaskId(read.Task.Id);
                WriteObject(read.Task);
                break;
            case ReadEvent.Failed { Error: RunwayApiException api } failed:
                WriteError(ErrorRecords.FromApi(api, failed.Id));
                break;
            case ReadEvent.Failed { Error: ArgumentException invalid } failed:
                WriteError(ErrorRecords.InvalidTaskId(invalid, failed.Id));
                break;
            case ReadEvent.Failed failed:
                WriteError(ErrorRecords.Create(failed.Error, ErrorIds.RunwayError, ErrorCategory.NotSpecified, failed.Id));
                break;
            case ReadVerbose log:
                WriteVerbose(log.Message);
                break;
        }
    }

    /// <summary>Request log lines, carried with the read events.</summary>
    private sealed record ReadVerbose(string Message) : ReadEvent;
}
