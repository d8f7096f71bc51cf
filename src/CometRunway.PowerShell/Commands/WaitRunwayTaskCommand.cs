using System.Management.Automation;
using CometRunway.Core.Http;
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
    private Task<WaitSummary>? running;
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

    /// <summary>Seconds to wait for all tasks; -1 waits without limit. Default 1800 (30 minutes).</summary>
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
        return running = waiter.RunAsync(StopToken);
    }

    protected override void ProcessInput()
    {
        var inputs = ParameterSetName == ByInputObjectSet ? InputObject.Select(item => (object)item) : Id;
        foreach (var item in inputs)
        {
            TaskInput input;
            try
            {
                input = item is string id ? TaskInput.ForId(id) : TaskInput.Read(item);
                input = input with { Id = TaskId.Validate(input.Id) };
                routes!.Route(input);
            }
            catch (TaskInputException unusable)
            {
                WriteError(unusable.Record);
                continue;
            }
            catch (ArgumentException invalid)
            {
                WriteError(ErrorRecords.InvalidTaskId(invalid, item is PSObject wrapped ? wrapped.BaseObject : item));
                continue;
            }

            AddOrReportLate(input.Id, () => input.Task is { } task ? waiter!.Add(task) : waiter!.Add(input.Id, input.Format ?? Format));
        }
    }

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
    /// Adds a task; when the wait has already ended (-Timeout elapsed, or -Any returned), says so instead of
    /// dropping the id silently. A false return while the wait still runs just means a duplicate.
    /// </summary>
    private void AddOrReportLate(string id, Func<bool> add)
    {
        if (add() || running is not { IsCompleted: true } ended)
        {
            return;
        }

        // Everything the finished wait reported comes first, so the late id reads in order after it.
        WriteUntilEngineEnds();

        if (ended.IsCompletedSuccessfully && ended.Result.Completion == WaitCompletion.Any)
        {
            WriteVerbose($"Task {id} arrived after -Any had already returned; it was not waited for.");
            return;
        }

        var message = $"Task {id} arrived after the wait had ended (-Timeout {Timeout} s elapsed); it was not waited for.";
        WriteError(ErrorRecords.Create(new TimeoutException(message), ErrorIds.RunwayTaskWaitTimeout, ErrorCategory.OperationTimeout, id));
    }
}
