using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The create cmdlets whose main input is an image or video. Besides the set where it is given as a path or URL, they
/// have a default set <c>-InputObject</c>: succeeded tasks whose first output becomes the main input (an image made by
/// one task animated by the next), which is also what lets a task or a pipeline turn bind when such a cmdlet follows
/// another command of this module.
/// </summary>
/// <remarks>
/// InputObject is the default set, so a piped task binds by value: PowerShell tries a set other than the default one
/// only when nothing of the object binds in the default set. So in the InputObject set no other parameter binds by
/// property name: a task's own Model and Prompt must not become the next request's, and a CSV row must find the
/// main-input set.
/// </remarks>
public abstract class MediaCreateCommandBase : TypedCreateCommandBase
{
    protected const string InputObjectSet = "InputObject";

    /// <summary>Succeeded tasks whose first output is the main input of the new task.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public RunwayTask[] InputObject { get; set; } = Array.Empty<RunwayTask>();

    /// <summary>The name of the parameter a piped task's output fills, e.g. PromptImage.</summary>
    protected abstract string MainInputName { get; }

    protected sealed override IEnumerable<(Func<CreateRequest> Make, object? Input)> RecordRequests() =>
        ParameterSetName == InputObjectSet
            ? InputObject.Select(task => ((Func<CreateRequest>)(() => Request(MediaInputResolver.FromTask(task, MainInputName))), (object?)task))
            : base.RecordRequests();
}
