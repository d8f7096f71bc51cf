namespace CometRunway.Core.Waiting;

/// <summary>How <see cref="RunwayTaskWaiter"/> paces its requests and when it gives up.</summary>
public sealed record WaitOptions
{
    /// <summary>The most requests in flight that any wait allows itself, whatever the latency (<see cref="ThrottleLimit"/> may set less).</summary>
    public const int MaxThrottleLimit = 256;

    /// <summary>
    /// At most this many requests in flight at once, across all tasks. Null (the default): as many as keeping every
    /// task on its cadence needs (about requests per second x latency), found while waiting: it grows while reads
    /// queue for a slot and the latency holds, and backs off on HTTP 429 and on rising latency, up to
    /// <see cref="MaxThrottleLimit"/>. A number caps that.
    /// </summary>
    public int? ThrottleLimit { get; init; }

    /// <summary>
    /// The interval between two reads of one task on its cadence (Runway asks for no less than 5 s). A new task is
    /// read at once, then once per interval; reads off the cadence are made only where <see cref="EarlyReads"/> allows.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The first delay after a task's first read is lengthened by a random fraction in [0, JitterFraction) so tasks
    /// added together spread out; each keeps its phase after that. One-sided: never sooner than the interval.
    /// </summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>
    /// Read a running task once before its next cadence read when its progress and the time it has run say it will
    /// have finished by then, so it is noticed sooner. At most one such read per interval; each one that finds the
    /// task still running costs one request.
    /// </summary>
    public bool EarlyReads { get; init; } = true;

    /// <summary>
    /// How long a task may answer <c>task_not_exist</c> before it is reported as not found; zero ends it at the first
    /// such answer. It is also asked as many times as the limit takes on the cadence (at most three), so a pause of
    /// the whole process does not end it early.
    /// </summary>
    public TimeSpan NotFoundTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a task may answer only with transient errors (5xx, network, timeouts) before it is reported as an error;
    /// it is also given as many failed reads in a row as the limit takes on the cadence (at most three), so a pause of
    /// the whole process does not end it early.
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

        if (ThrottleLimit is < 1 or > MaxThrottleLimit)
        {
            throw new ArgumentException($"{nameof(ThrottleLimit)} must be from 1 to {MaxThrottleLimit}, or null to adapt, but was {ThrottleLimit}.", nameof(ThrottleLimit));
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
