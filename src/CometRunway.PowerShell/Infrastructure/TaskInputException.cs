using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>A pipeline object cannot be used as a task; <see cref="Record"/> is the error to write for it.</summary>
internal sealed class TaskInputException : ArgumentException
{
    public TaskInputException(string errorId, string message, object target, ErrorCategory category = ErrorCategory.InvalidArgument)
        : base(message)
    {
        ErrorId = errorId;
        Target = target;
        Category = category;
    }

    public string ErrorId { get; }

    public object Target { get; }

    public ErrorCategory Category { get; }

    public ErrorRecord Record => ErrorRecords.Create(this, ErrorId, Category, Target);
}
