namespace CometRunway.Core.Tasks;

/// <summary>A task ended FAILED or CANCELLED; the message carries Runway's reason and code.</summary>
public sealed class RunwayTaskFailedException : Exception
{
    public RunwayTaskFailedException(RunwayTask task, string message)
        : base(message)
    {
        Task = task;
    }

    public RunwayTask Task { get; }
}
