using System.Management.Automation;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Every New-Runway*Task cmdlet: each input record becomes one or more create requests, checked on the pipeline thread
/// (warnings, -WhatIf and -Confirm before anything is sent), then sent a few at a time; the created tasks come out in
/// input order, Pending, ready for Wait-RunwayTask.
/// </summary>
/// <remarks>
/// A create is charged, so it is retried only when it surely never reached the server (Core's rule); any other failure
/// is one error for that request, and <see cref="ErrorIds.RunwayCreateOutcomeUnknown"/> says that the task may exist.
/// </remarks>
public abstract class CreateCommandBase : BackgroundCommandBase<CreateEvent>
{
    private readonly Dictionary<CreateRequest, PipedInput> sentFromPipeline = new(ReferenceEqualityComparer.Instance);
    private BatchTaskCreator? batch;
    private RunspaceState? state;
    private string commandName = string.Empty;
    private HashSet<string> givenOnCommandLine = [];
    private int inputsPiped;

    /// <summary>How many creates may be in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = CreateDefaults.MaxConcurrency;

    protected override string EngineFailedErrorId => ErrorIds.RunwayCreateFailed;

    /// <summary>
    /// The requests of the current record, each made by a function so that one that cannot be made (a missing file, a
    /// bad value) is reported on its own while the others go ahead; Input is what it was made from (the error's target).
    /// </summary>
    protected abstract IEnumerable<(Func<CreateRequest> Make, object? Input)> RecordRequests();

    /// <summary>The parameter that takes the main image or video, shown in an error about a piped input; null for none.</summary>
    protected virtual string? MainInputName => null;

    protected override Task StartEngine()
    {
        givenOnCommandLine = MyInvocation.BoundParameters.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var creator = new RunwayTaskCreator(ResolveConnection(), ClientOptions(PostVerbose));
        state = RunspaceState.Current;
        commandName = MyInvocation.MyCommand.Name;
        var stopped = StopToken;
        batch = new BatchTaskCreator(creator, ThrottleLimit, item =>
        {
            if (item is CreateEvent.Created created)
            {
                // From this thread, at once: the pipeline may never write it (Get-RunwayTask <Tab> offers it anyway).
                state.RememberTaskId(created.Task.Id);
            }

            if (stopped.IsCancellationRequested)
            {
                Unwritten(item);
                return;
            }

            Post(item);
        }, StopToken);
        return batch.Completion;
    }

    /// <summary>
    /// A create that was sent is not cancelled when the pipeline stops (Ctrl+C, Select-Object -First, an error downstream):
    /// it ends within its request timeout, maybe after this command can write. The next command of the runspace says
    /// what came of it in its verbose stream.
    /// </summary>
    protected override void Unwritten(CreateEvent item)
    {
        var command = commandName;
        switch (item)
        {
            case CreateEvent.Created created:
                state!.NoteForNextCommand($"{command}: task {created.Task.Id} ({created.Request.Route.Name}) was created after the pipeline had stopped; it is charged. Wait for it with: Wait-RunwayTask {created.Task.Id}");
                break;
            case CreateEvent.Failed { Error: RunwayCreateException { TaskMayExist: true } error } failed:
                state!.NoteForNextCommand($"{command}: a {failed.Request.Route.Name} create sent before the pipeline stopped ended without an answer, and the task may exist: {error.Message}");
                break;
        }
    }

    protected override void ProcessInput()
    {
        var piped = MyInvocation.ExpectingInput ? PipedInput.Of(++inputsPiped, BoundFromPipeline(), MainInputName) : null;
        foreach (var (make, input) in RecordRequests())
        {
            CreateRequest? request = null;
            string body;
            try
            {
                request = make();
                request.Validate();
                body = request.ToDisplayJson();
            }
            catch (RunwayCreateException invalid)
            {
                WriteError(ErrorRecords.FromCreate(InParameterTerms(invalid), piped?.Value ?? (object?)request ?? input, piped?.Label));
                continue;
            }

            foreach (var warning in request.Warnings())
            {
                WriteWarning(piped is null ? warning : $"{piped.Label}: {warning}");
            }

            if (Confirmed(request, body))
            {
                if (piped is not null)
                {
                    sentFromPipeline[request] = piped;
                }

                batch!.Add(request);
            }
        }
    }

    protected override void CompleteInput() => batch!.CompleteAdding();

    protected override void Write(CreateEvent item)
    {
        sentFromPipeline.Remove(item.Request, out var piped);
        switch (item)
        {
            case CreateEvent.Created created:
                WriteTask(created.Task);
                break;
            case CreateEvent.Failed { Error: RunwayCreateException error } failed:
                WriteError(ErrorRecords.FromCreate(error, piped?.Value ?? failed.Request, piped?.Label));
                break;
            case CreateEvent.Failed failed:
                WriteError(ErrorRecords.Create(failed.Error, ErrorIds.RunwayCreateError, ErrorCategory.NotSpecified, piped?.Value ?? failed.Request,
                    $"{(piped is null ? "" : piped.Label + ": ")}The {failed.Request.Route.Name} create failed in an unexpected way: {failed.Error.Message} {CreateAnswerAdvice}"));
                break;
        }
    }

    /// <summary>The cmdlet parameter that sets a request property, where their names differ (Prompt is set by -PromptText).</summary>
    protected virtual string ParameterFor(string requestProperty) => requestProperty;

    /// <summary>A value given as an empty or blank string (an empty CSV cell) is not given at all.</summary>
    protected static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// The parameters of the current set bound from the current piped input, with their values. The engine's
    /// BoundParameters keeps values of earlier inputs, so the properties are read instead: the engine resets those bound
    /// from the pipeline before each input.
    /// </summary>
    private List<KeyValuePair<string, object>> BoundFromPipeline()
    {
        var bound = new List<KeyValuePair<string, object>>();
        foreach (var parameter in MyInvocation.MyCommand.Parameters.Values)
        {
            if (!givenOnCommandLine.Contains(parameter.Name) && TakesPipelineInput(parameter)
                && GetType().GetProperty(parameter.Name)?.GetValue(this) is { } value and not Array { Length: 0 })
            {
                bound.Add(new(parameter.Name, value));
            }
        }

        return bound;
    }

    private bool TakesPipelineInput(ParameterMetadata parameter) =>
        parameter.ParameterSets
            .Where(set => set.Key == ParameterSetName || set.Key == ParameterAttribute.AllParameterSets)
            .Any(set => set.Value.ValueFromPipeline || set.Value.ValueFromPipelineByPropertyName);

    private const string CreateAnswerAdvice = "The task may exist: look in the CometAPI console before creating it again.";

    /// <summary>-WhatIf shows, and -Confirm asks about, the route and the JSON body (<paramref name="body"/>: files abbreviated; never the key).</summary>
    private bool Confirmed(CreateRequest request, string body) =>
        ShouldProcess(
            $"Creating a Runway task: {request.Route} with the body {body}",
            $"Create a Runway task (charged to the CometAPI account): {request.Route} with the body {body}?",
            "Create a Runway task");

    /// <summary>A check's error, naming the parameter the user typed rather than the request property behind it.</summary>
    private RunwayCreateException InParameterTerms(RunwayCreateException invalid)
    {
        var name = invalid.ParameterName ?? string.Empty;
        var property = name.Split('[', '.')[0];
        var parameter = property.Length == 0 ? property : ParameterFor(property);
        if (parameter == property)
        {
            return invalid;
        }

        var message = invalid.Message.StartsWith(property, StringComparison.Ordinal) ? parameter + invalid.Message[property.Length..] : invalid.Message;
        return new RunwayCreateException(invalid.Kind, message, invalid.InnerException) { ParameterName = parameter + name[property.Length..] };
    }
}
