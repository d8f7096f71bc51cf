using System.Management.Automation;
using CometRunway.Core.Http;
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

    private readonly TaskCompletionSource inputComplete = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    protected override Task StartEngine()
    {
        var client = CreateClient(ResolveConnection(), PostVerbose);
        reader = new BatchTaskReader(client, ThrottleLimit, Post, StopToken);
        return ReadUntilInputEndsAsync(reader);
    }

    protected override void ProcessInput()
    {
        var ids = ParameterSetName == ByInputObjectSet ? InputObject.Select(task => task.Id) : BoundIds;
        foreach (var id in ids)
        {
            reader!.Add(id, Format);
        }
    }

    protected override void CompleteInput() => inputComplete.TrySetResult();

    protected override void Write(ReadEvent item)
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
        }
    }

    private async Task ReadUntilInputEndsAsync(BatchTaskReader batch)
    {
        await inputComplete.Task.ConfigureAwait(false);
        await batch.WhenAllAsync().ConfigureAwait(false);
    }
}
