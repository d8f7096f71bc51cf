using CometRunway.Core.Tasks;

namespace CometRunway.Core.Creating;

/// <summary>What a <see cref="BatchTaskCreator"/> reports, in the order the requests were added.</summary>
public abstract record CreateEvent(long Sequence, CreateRequest Request)
{
    /// <summary>The task was created: <paramref name="Task"/> is Pending, ready for the waiter.</summary>
    internal sealed record Created(long Sequence, CreateRequest Request, RunwayTask Task) : CreateEvent(Sequence, Request);

    /// <summary>
    /// No task id. <paramref name="Error"/> is a <see cref="RunwayCreateException"/> (its Kind says whether a task may exist),
    /// or, for a bug, any other exception.
    /// </summary>
    internal sealed record Failed(long Sequence, CreateRequest Request, Exception Error) : CreateEvent(Sequence, Request);
}
