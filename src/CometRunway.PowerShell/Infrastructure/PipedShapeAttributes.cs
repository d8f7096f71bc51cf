using System.Collections;
using System.Management.Automation;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Lets a piped object bind to a parameter only when it has the right shape, so that the engine's binder sends each
/// kind of object to the parameter set meant for it: tasks to -InputObject, text to the main input, rows by their
/// columns. A refusal is a cast failure, which the binder takes as "try the next parameter", not as an error.
/// </summary>
/// <remarks>
/// A value given on the command line as a list is let through: its items are judged where they are read, one error each.
/// A file (FileInfo) is its full path, as its PSPath would be.
/// </remarks>
public abstract class PipedShapeAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is FileSystemInfo file)
        {
            return file.FullName;
        }

        if (value is ICollection and not IDictionary || Fits(inputData, value))
        {
            return inputData;
        }

        throw new ArgumentTransformationMetadataException(Refusal, new PSInvalidCastException(Refusal));
    }

    protected abstract string Refusal { get; }

    protected abstract bool Fits(object? inputData, object? value);
}

/// <summary>Only text (a path, a URL or a prompt) binds; an object binds by its properties instead.</summary>
public sealed class TextOnlyAttribute : PipedShapeAttribute
{
    protected override string Refusal => "Only text binds here; an object binds by its properties.";

    protected override bool Fits(object? inputData, object? value) => value is null or string or char;
}

/// <summary>
/// Only a task binds: a live one, or an object that names a task id (Id, TaskId or task_id) and says its Status or
/// Output, as a deserialized or hand-made task does. A CSV row of create parameters binds by its columns instead.
/// </summary>
public sealed class TaskObjectOnlyAttribute : PipedShapeAttribute
{
    protected override string Refusal => "Only a Runway task binds to InputObject.";

    protected override bool Fits(object? inputData, object? value) => value switch
    {
        RunwayTask => true,
        null or string or IDictionary => false,
        _ => PSObject.AsPSObject(inputData!).Properties is var properties
            && TaskInput.IdNames.Any(name => properties[name] is not null)
            && (properties["Status"] is not null || properties["Output"] is not null),
    };
}
