namespace CometRunway.Core.Waiting;

/// <summary>What <see cref="RunwayTaskWaiter"/>'s Add did with a task, and if it refused it, why.</summary>
internal enum WaitAddResult
{
    /// <summary>The task is waited for.</summary>
    Added,

    /// <summary>The id was added before; it is waited for once.</summary>
    Duplicate,

    /// <summary>The wait had already ended at its <see cref="WaitOptions.Timeout"/>; the task was not waited for.</summary>
    AfterTimeout,

    /// <summary>The wait had already returned because <see cref="WaitOptions.Any"/> was satisfied.</summary>
    AfterAny,

    /// <summary>
    /// The wait had stopped: it was cancelled, or it failed (a refused key, an exhausted quota) and RunAsync throws
    /// that error, which is the reason for this task too.
    /// </summary>
    AfterStop,
}
