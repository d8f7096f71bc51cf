using System.Management.Automation;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Waits for Runway tasks to finish, polling all of them concurrently, and writes each one as it succeeds.</summary>
// Id is the default set, so that the mandatory prompt asks for ids; everything piped binds to -InputObject.
[Cmdlet(VerbsLifecycle.Wait, "RunwayTask", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RunwayTask))]
public sealed class WaitRunwayTaskCommand : BackgroundCommandBase<WaitEvent>
{
    private const string ByIdSet = "Id";
    private const string ByInputObjectSet = "InputObject";

    private RunwayTaskWaiter? waiter;
    private WaitProgressWriter? progress;
    private TaskRoutes? routes;

    /// <summary>Task ids; they are read through the route -Format names. Piped ids and objects bind to -InputObject.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [Alias("TaskId", "task_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Tasks (live or deserialized), task ids, or objects with an Id, TaskId or task_id property; each is polled
    /// through the route and at the base address it came from.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>The route for plain ids and for objects that name none: Official (GET /runwayml/v1/tasks/{id}) or Feed (POST /runway/feed).</summary>
    [Parameter]
    public RunwayTaskFormat Format { get; set; } = RunwayTaskFormat.Official;

    /// <summary>Seconds to wait for all tasks; -1 waits without limit; 0 is refused. Default 1800 (30 minutes).</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(-1, int.MaxValue)]
    public int Timeout { get; set; } = 1800;

    /// <summary>The longest interval between two polls of one task, in seconds. Default 5, the least Runway asks for.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSec { get; set; } = 5;

    /// <summary>How long a task may answer task_not_exist before it counts as not found, in seconds. Default 300.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int NotFoundTimeoutSec { get; set; } = 300;

    /// <summary>At most this many requests in flight at once. Default: as many as the cadence needs, found while waiting (up to 256).</summary>
    [Parameter]
    [ValidateRange(1, WaitOptions.MaxThrottleLimit)]
    public int ThrottleLimit { get; set; }

    /// <summary>Return as soon as one task reaches a final state.</summary>
    [Parameter]
    public SwitchParameter Any { get; set; }

    /// <summary>Also write failed and cancelled tasks to the pipeline (they are always reported as errors).</summary>
    [Parameter]
    public SwitchParameter IncludeFailed { get; set; }

    protected override string EngineFailedErrorId => ErrorIds.RunwayWaitFailed;

    protected override Task StartEngine()
    {
        if (Timeout == 0)
        {
            // The wait would end before any task arrived, so nothing would be read; Wait-Job -Timeout 0 has no such input.
            ThrowTerminatingError(ErrorRecords.Create(
                new ArgumentException("-Timeout 0 would end the wait before any task is read. Give the seconds to wait, or -1 to wait without limit; to read each task once, use Get-RunwayTask or Get-RunwayFeedTask."),
                ErrorIds.InvalidWaitTimeout,
                ErrorCategory.InvalidArgument,
                Timeout));
        }

        if (MyInvocation.BoundParameters.ContainsKey(nameof(MaximumRetryCount)))
        {
            WriteWarning("Wait-RunwayTask does not retry by count, so -MaximumRetryCount is ignored: a poll that fails transiently is repeated on the task's schedule for up to five minutes of failures.");
        }

        routes = CreateRoutes(ResolveConnection(), PostVerbose, RetryPolicy.None);
        waiter = new RunwayTaskWaiter(routes.Source, Post, PostVerbose, new WaitOptions
        {
            ThrottleLimit = ThrottleLimit > 0 ? ThrottleLimit : null,
            PollInterval = TimeSpan.FromSeconds(PollIntervalSec),
            NotFoundTimeout = TimeSpan.FromSeconds(NotFoundTimeoutSec),
            Timeout = Timeout < 0 ? null : TimeSpan.FromSeconds(Timeout),
            Any = Any.IsPresent,
        });
        progress = new WaitProgressWriter(CreateProgress("Waiting for Runway tasks"));
        return waiter.RunAsync(StopToken);
    }

    protected override void ProcessInput() => TaskInputLoop.Run(
        TaskInputLoop.Items(ParameterSetName == ByInputObjectSet, InputObject, Id),
        routes!,
        input => ReportRefused(input.Id, input.Task is { } task ? waiter!.Add(task) : waiter!.Add(input.Id, input.Format ?? Format)),
        WriteError);

    protected override void CompleteInput() => waiter!.CompleteAdding();

    protected override void Write(WaitEvent item)
    {
        switch (item)
        {
            case TaskSucceededEvent succeeded:
                WriteTask(succeeded.Task);
                break;
            case TaskFailedEvent failed:
                WriteError(ErrorRecords.Create(new RunwayTaskFailedException(failed.Task, failed.Message), ErrorIds.RunwayTaskFailed, ErrorCategory.InvalidResult, failed.Task));
                if (IncludeFailed)
                {
                    WriteObject(failed.Task);
                }

                break;
            case TaskNotFoundEvent notFound:
                WriteError(ErrorRecords.Create(new ItemNotFoundException(notFound.Message), ErrorIds.RunwayTaskNotFound, ErrorCategory.ObjectNotFound, notFound.Id));
                break;
            case TaskTimedOutEvent timedOut:
                WriteError(ErrorRecords.Create(new TimeoutException(timedOut.Message), ErrorIds.RunwayTaskWaitTimeout, ErrorCategory.OperationTimeout, (object?)timedOut.LastSeen ?? timedOut.Id));
                break;
            case TaskErrorEvent failedRead:
                WriteError(ErrorRecords.FromRead(failedRead.Exception, failedRead.Id, ErrorIds.RunwayWaitError, failedRead.Message));
                break;
            case WaitWarningEvent warning:
                WriteWarning(warning.Message);
                break;
            case WaitProgressEvent snapshot:
                progress!.Show(snapshot);
                break;
        }
    }

    /// <summary>
    /// Says why a task was not waited for when the wait had already ended, instead of dropping its id silently. A
    /// duplicate is waited for once; after a stop (Ctrl+C, a refused key) the stop's own error is the reason, for every id.
    /// </summary>
    private void ReportRefused(string id, WaitAddResult result)
    {
        if (result is WaitAddResult.Added or WaitAddResult.Duplicate or WaitAddResult.AfterStop)
        {
            return;
        }

        // Everything the finished wait reported comes first, so the late id reads in order after it.
        WriteUntilEngineEnds();
        if (result == WaitAddResult.AfterAny)
        {
            WriteVerbose($"Task {id} arrived after -Any had already returned; it was not waited for.");
            return;
        }

        var message = WaitMessages.ArrivedAfterTimeout(id, TimeSpan.FromSeconds(Timeout));
        WriteError(ErrorRecords.Create(new TimeoutException(message), ErrorIds.RunwayTaskWaitTimeout, ErrorCategory.OperationTimeout, id));
    }
}
