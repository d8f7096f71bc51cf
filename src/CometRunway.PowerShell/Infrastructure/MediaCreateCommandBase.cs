using System.Management.Automation;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The create cmdlets whose main input is an image or video. Besides their default set, where it is given as a path or
/// URL (typed, piped as text, or a CSV column), they have a set <c>-InputObject</c>: succeeded tasks whose first output
/// becomes the main input (an image made by one task animated by the next).
/// </summary>
/// <remarks>
/// Which set a piped object lands in is decided by its shape (<see cref="PipedShapeAttribute"/>): a task, live,
/// deserialized or hand-made, binds to InputObject, and nothing else of it binds, so a task's own Model and Prompt
/// never become the next request's; text binds to the main input; any other object binds by its properties.
/// InputObject is object[], not PSObject[]: the binder takes a live task for a PSObject only by coercion, which comes
/// after binding by property name, so the task's Model would have chosen the default set first. InputObject is not mandatory: a mandatory pipeline parameter in a second set makes the engine choose the default
/// set before the first object arrives, and tasks could then never bind.
/// </remarks>
public abstract class MediaCreateCommandBase : TypedCreateCommandBase
{
    protected const string InputObjectSet = "InputObject";

    /// <summary>Succeeded tasks whose first output is the main input of the new task.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    [TaskObjectOnly]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    /// <summary>The name of the parameter a piped task's output fills, e.g. PromptImage.</summary>
    protected abstract override string MainInputName { get; }

    protected sealed override IEnumerable<(Func<CreateRequest> Make, object? Input)> RecordRequests() =>
        ParameterSetName == InputObjectSet
            ? InputObject.Select(item => ((Func<CreateRequest>)(() => Request(MediaInputResolver.FromTask(item, MainInputName))), (object?)item))
            : base.RecordRequests();
}
