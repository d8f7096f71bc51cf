namespace CometRunway.Core.Waiting;

/// <summary>How <see cref="RunwayTaskWaiter"/> paces its requests and when it gives up.</summary>
public sealed record WaitOptions
{
    /// <summary>At most this many requests in flight at once, across all tasks.</summary>
    public int ThrottleLimit { get; init; } = 10;

    /// <summary>The steady interval between two reads of one task (Runway asks for no less than 5 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The delay after the first read of a task; it doubles on every read until it reaches
    /// <see cref="PollInterval"/> (1 s, 2 s, 4 s, 5 s, 5 s ... by default), so short tasks are seen quickly.
    /// </summary>
    public TimeSpan InitialPollDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every delay is lengthened by a random fraction in [0, JitterFraction) so thousands of tasks
    /// don't poll in lockstep. One-sided, so a task is never read more often than the schedule says.
    /// </summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>
    /// How long a task may answer <c>task_not_exist</c> before it is reported as not found; it is also asked
    /// at least three times, so a pause of the whole process does not end it early.
    /// </summary>
    public TimeSpan NotFoundTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a task may answer only with transient errors (5xx, network, timeouts) before it is reported as an error;
    /// it is also given at least three failed reads in a row, so a pause of the whole process does not end it early.
    /// </summary>
    public TimeSpan TransientErrorTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to keep reading a task that succeeded without any output URL before reporting it anyway, with a warning.</summary>
    public TimeSpan NoOutputGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole wait's limit, counted from the start of <see cref="RunwayTaskWaiter.RunAsync"/>; <c>null</c> = none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Return as soon as the first task succeeds, fails or is cancelled.</summary>
    public bool Any { get; init; }

    /// <summary>The pause for everyone after a 429 that carried no <c>Retry-After</c>; it doubles while 429s continue.</summary>
    public TimeSpan RateLimitFallbackDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause chosen without a <c>Retry-After</c>; a server's own <c>Retry-After</c> is always honoured.</summary>
    public TimeSpan MaxRateLimitFallbackDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The least time between two progress snapshots.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many per-task children in a progress snapshot (the most recently changed).</summary>
    public int MaxProgressChildren { get; init; } = 10;

    /// <summary>Write <see cref="WaitProgressEvent"/>s.</summary>
    public bool EmitProgress { get; init; } = true;

    /// <exception cref="ArgumentException">A value is out of range; the message names it and says why.</exception>
    public void Validate()
    {
        RequirePositive(PollInterval, nameof(PollInterval));
        RequirePositive(InitialPollDelay, nameof(InitialPollDelay));
        RequirePositive(ProgressInterval, nameof(ProgressInterval));
        RequirePositive(RateLimitFallbackDelay, nameof(RateLimitFallbackDelay));
        RequireNotNegative(NotFoundTimeout, nameof(NotFoundTimeout));
        RequireNotNegative(TransientErrorTimeout, nameof(TransientErrorTimeout));
        RequireNotNegative(NoOutputGrace, nameof(NoOutputGrace));
        if (MaxRateLimitFallbackDelay < RateLimitFallbackDelay)
        {
            throw new ArgumentException($"{nameof(MaxRateLimitFallbackDelay)} must be at least {nameof(RateLimitFallbackDelay)}.", nameof(MaxRateLimitFallbackDelay));
        }

        if (Timeout is { } timeout)
        {
            RequireNotNegative(timeout, nameof(Timeout));
        }

        if (ThrottleLimit < 1)
        {
            throw new ArgumentException($"{nameof(ThrottleLimit)} must be at least 1, but was {ThrottleLimit}.", nameof(ThrottleLimit));
        }

        if (MaxProgressChildren < 0)
        {
            throw new ArgumentException($"{nameof(MaxProgressChildren)} must not be negative, but was {MaxProgressChildren}.", nameof(MaxProgressChildren));
        }

        if (double.IsNaN(JitterFraction) || JitterFraction < 0 || JitterFraction > 1)
        {
            throw new ArgumentException($"{nameof(JitterFraction)} must be between 0 and 1, but was {JitterFraction}.", nameof(JitterFraction));
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be longer than zero, but was {value}.", name);
        }
    }

    private static void RequireNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must not be negative, but was {value}.", name);
        }
    }
}
