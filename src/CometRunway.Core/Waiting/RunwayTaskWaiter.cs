using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>
/// Waits for any number of Runway tasks with one loop: a priority queue of due times, at most
/// <see cref="WaitOptions.ThrottleLimit"/> requests in flight, a per-task schedule that backs off to
/// <see cref="WaitOptions.PollInterval"/>, and one shared pause after a 429.
/// </summary>
/// <remarks>
/// Use: <see cref="Add(string, RunwayTaskFormat)"/> from any thread as input arrives, then
/// <see cref="CompleteAdding"/>; run <see cref="RunAsync"/> once. Events go to the report callback, verbose lines
/// to the verbose one, one at a time, in order, from the loop (never concurrently) and all before RunAsync
/// completes; keep both quick (a cmdlet queues them for its pipeline thread). A callback that throws ends the
/// run with that exception. One instance per wait; no static state.
/// </remarks>
public sealed partial class RunwayTaskWaiter
{
    private readonly IRunwayTaskSource source;
    private readonly Action<WaitEvent> report;
    private readonly Action<string>? verbose;
    private readonly WaitOptions options;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly PollSchedule schedule;
    private readonly long originTimestamp;

    private readonly Channel<LoopMessage> inbox = Channel.CreateUnbounded<LoopMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly object addLock = new();
    private readonly HashSet<string> addedIds = new(StringComparer.Ordinal);
    private bool addingCompletedByCaller;
    private int runStarted;

    // Everything below is touched only by the loop.
    private readonly List<TaskWatch> watches = new();
    private readonly PriorityQueue<TaskWatch, TimeSpan> dueQueue = new();
    private readonly Dictionary<TaskWatch, Task> inFlight = new();
    private int activeCount;
    private bool addingCompleted;
    private bool anyTerminal;
    private ExceptionDispatchInfo? fatal;
    private TimeSpan rateLimitedUntil;
    private int rateLimitStreak;
    private bool progressDirty;
    private TimeSpan? lastProgressAt;
    private long requests;
    private long wakeups;
    private int succeeded;
    private int failed;
    private int notFound;
    private int errors;
    private int timedOut;

    /// <param name="source">Where tasks are read; the waiter paces its requests itself, so give it no retries of its own.</param>
    /// <param name="report">Receives every <see cref="WaitEvent"/>.</param>
    /// <param name="verbose">Receives status transitions, retries and pauses as text; null = none are even formatted.</param>
    /// <param name="options">Null for the defaults.</param>
    /// <param name="timeProvider">Null for the system clock.</param>
    public RunwayTaskWaiter(
        IRunwayTaskSource source, Action<WaitEvent> report, Action<string>? verbose = null, WaitOptions? options = null, TimeProvider? timeProvider = null)
        : this(source, report, verbose, options, timeProvider, new Random())
    {
    }

    internal RunwayTaskWaiter(
        IRunwayTaskSource source, Action<WaitEvent> report, Action<string>? verbose, WaitOptions? options, TimeProvider? timeProvider, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(report);
        this.source = source;
        this.report = report;
        this.verbose = verbose;
        this.options = options ?? new WaitOptions();
        this.options.Validate();
        time = timeProvider ?? TimeProvider.System;
        this.random = random;
        schedule = new PollSchedule(this.options);
        originTimestamp = time.GetTimestamp();
    }

    public WaitOptions Options => options;

    /// <summary>Adds a task by id. Thread-safe; may be called before or while <see cref="RunAsync"/> runs.</summary>
    /// <returns>False when the id was added before (it is waited for once) or the wait has ended.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public bool Add(string id, RunwayTaskFormat format = RunwayTaskFormat.Official) => Enqueue(id, format, known: null);

    /// <summary>
    /// Adds a task object: it is read again through its own <see cref="RunwayTask.Format"/>. A task that is
    /// already terminal is reported at once without a request (a success only when it has output).
    /// </summary>
    public bool Add(RunwayTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Enqueue(task.Id, task.Format, task);
    }

    /// <summary>No more tasks will be added: <see cref="RunAsync"/> returns once the ones added have ended.</summary>
    public void CompleteAdding()
    {
        lock (addLock)
        {
            if (addingCompletedByCaller)
            {
                return;
            }

            addingCompletedByCaller = true;
            inbox.Writer.TryWrite(new AddingCompletedMessage());
        }
    }

    private bool Enqueue(string id, RunwayTaskFormat format, RunwayTask? known)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A task id is empty; pass the id that creating the task returned.");
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException($"Unknown task format '{format}'; use Official or Feed.");
        }

        lock (addLock)
        {
            if (addingCompletedByCaller)
            {
                throw new InvalidOperationException("Tasks cannot be added after CompleteAdding.");
            }

            if (!addedIds.Add(trimmed))
            {
                return false;
            }

            return inbox.Writer.TryWrite(new TaskAddedMessage(trimmed, format, known));
        }
    }

    /// <summary>
    /// Polls until every task has ended, <see cref="WaitOptions.Any"/> triggers or <see cref="WaitOptions.Timeout"/>
    /// elapses. Cancelling stops every request and sleep at once and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="RunwayApiException">The key was refused or the quota is exhausted: nothing can be waited for.</exception>
    /// <exception cref="InvalidOperationException">RunAsync was already called on this waiter.</exception>
    public async Task<WaitSummary> RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref runStarted, 1) != 0)
        {
            throw new InvalidOperationException("RunAsync runs once per waiter; create a new RunwayTaskWaiter for another wait.");
        }

        using var requestsCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Now;
        try
        {
            var completion = await LoopAsync(start, requestsCancellation.Token, cancellationToken).ConfigureAwait(false);
            return new WaitSummary(completion, watches.Count, succeeded, failed, notFound, errors, timedOut, requests, Now - start, wakeups);
        }
        finally
        {
            requestsCancellation.Cancel();
            inbox.Writer.TryComplete();
            await AwaitRequestsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Timers have millisecond resolution: a poll due within this much is started now rather than by
    /// waking again for a fraction of a millisecond (which would spin the loop).
    /// </summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The longest single sleep. Task.Delay refuses more than about 49.7 days, and a Timeout may be longer
    /// (or TimeSpan.MaxValue): the loop sleeps in steps and looks again, which costs one wake-up an hour.
    /// </summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private TimeSpan Now => time.GetElapsedTime(originTimestamp);

    private async Task<WaitCompletion> LoopAsync(TimeSpan start, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        // A timeout too long to add to the start (TimeSpan.MaxValue) is as good as none.
        TimeSpan? deadline = options.Timeout is { } timeout && timeout < TimeSpan.MaxValue - start ? start + timeout : null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            wakeups++;
            while (inbox.Reader.TryRead(out var message))
            {
                Handle(message, requestToken);
            }

            fatal?.Throw();
            if (options.Any && anyTerminal)
            {
                return WaitCompletion.Any;
            }

            if (addingCompleted && activeCount == 0)
            {
                return WaitCompletion.AllDone;
            }

            var now = Now;
            if (deadline is { } end && now >= end)
            {
                ReportTimeouts(now);
                return WaitCompletion.TimedOut;
            }

            StartDuePolls(now, requestToken);
            EmitProgressIfDue(now);
            await WaitForMessageAsync(NextWake(deadline), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Handle(LoopMessage message, CancellationToken requestToken)
    {
        switch (message)
        {
            case TaskAddedMessage added:
                OnTaskAdded(added, Now);
                break;
            case AddingCompletedMessage:
                addingCompleted = true;
                break;
            case PollCompletedMessage completed:
                inFlight.Remove(completed.Watch);
                if (!requestToken.IsCancellationRequested)
                {
                    OnPollCompleted(completed, Now);
                }

                break;
        }
    }

    private void StartDuePolls(TimeSpan now, CancellationToken requestToken)
    {
        if (now < rateLimitedUntil)
        {
            return;
        }

        while (inFlight.Count < options.ThrottleLimit
            && dueQueue.TryPeek(out var watch, out var dueAt)
            && dueAt <= now + TimerSlack
            && !requestToken.IsCancellationRequested)
        {
            dueQueue.Dequeue();
            requests++;
            inFlight[watch] = PollAsync(watch, requestToken);
        }
    }

    private async Task PollAsync(TaskWatch watch, CancellationToken cancellationToken)
    {
        RunwayTask? task = null;
        Exception? error = null;
        try
        {
            task = await source.GetTaskAsync(watch.Id, watch.Format, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        inbox.Writer.TryWrite(new PollCompletedMessage(watch, task, error));
    }

    /// <summary>When the loop must look again without a message: a due poll, the deadline, a progress tick; null = never.</summary>
    private TimeSpan? NextWake(TimeSpan? deadline)
    {
        TimeSpan? wake = deadline;
        if (inFlight.Count < options.ThrottleLimit && dueQueue.TryPeek(out _, out var dueAt))
        {
            wake = Earliest(wake, dueAt > rateLimitedUntil ? dueAt : rateLimitedUntil);
        }

        if (progressDirty && options.EmitProgress && lastProgressAt is { } last)
        {
            wake = Earliest(wake, last + options.ProgressInterval);
        }

        return wake;
    }

    private static TimeSpan Earliest(TimeSpan? current, TimeSpan candidate) =>
        current is { } value && value <= candidate ? value : candidate;

    private async Task WaitForMessageAsync(TimeSpan? wake, CancellationToken cancellationToken)
    {
        if (inbox.Reader.TryPeek(out _))
        {
            return;
        }

        if (wake is null)
        {
            await inbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var delay = wake.Value - Now;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        // Task.Delay truncates to whole milliseconds; round up so the loop never wakes before it is due.
        delay = delay < MaxSleep ? TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)) : MaxSleep;

        using var wakeCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = inbox.Reader.WaitToReadAsync(wakeCancellation.Token).AsTask();
        var sleep = Task.Delay(delay, time, wakeCancellation.Token);
        await Task.WhenAny(ready, sleep).ConfigureAwait(false);
        wakeCancellation.Cancel();
    }

    /// <summary>Waits for requests cancelled at the end of the run, so no background work outlives it.</summary>
    private async Task AwaitRequestsAsync()
    {
        if (inFlight.Count == 0)
        {
            return;
        }

        try
        {
            // A source that ignores its token is not waited for longer than this.
            await Task.WhenAll(inFlight.Values).WaitAsync(TimeSpan.FromSeconds(2), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        inFlight.Clear();
    }

    private void Write(WaitEvent waitEvent) => report(waitEvent);
}
