using System.Runtime.ExceptionServices;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>
/// Waits for any number of Runway tasks with one loop: a priority queue of due times, each task read once per
/// <see cref="WaitOptions.PollInterval"/> (plus an early read where its progress says it has finished), an adaptive
/// number of requests in flight (<see cref="ConcurrencyLimit"/>, capped by <see cref="WaitOptions.ThrottleLimit"/>),
/// and a refused read put back for the server's Retry-After (the pause of every other read is the connection's).
/// </summary>
/// <remarks>
/// Use: <see cref="Add(string, RunwayTaskFormat)"/> from any thread as input arrives, then
/// <see cref="CompleteAdding"/>; run <see cref="RunAsync"/> once. Events go to the report callback, verbose lines
/// to the verbose one, one at a time, in order, from the loop (never concurrently) and all before RunAsync
/// completes; keep both quick (a cmdlet queues them for its pipeline thread). A callback that throws ends the
/// run with that exception. One instance per wait; no static state.
/// </remarks>
internal sealed partial class RunwayTaskWaiter
{
    private readonly IRunwayTaskSource source;
    private readonly Action<WaitEvent> report;
    private readonly Action<string>? verbose;
    private readonly WaitOptions options;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly PollSchedule schedule;
    private readonly ConcurrencyLimit concurrency;
    private readonly long originTimestamp;

    private readonly LoopInbox inbox = new();

    private readonly object addLock = new();
    private readonly HashSet<string> addedIds = new(StringComparer.Ordinal);
    private bool addingCompletedByCaller;
    private int runStarted;

    // Why the wait ended; set, with the inbox closed, under addLock, so that Add either posts before or sees this.
    private WaitAddResult endedBy = WaitAddResult.Added;

    // Everything below is touched only by the loop.
    private readonly List<TaskWatch> watches = new();
    private readonly PriorityQueue<TaskWatch, TimeSpan> dueQueue = new();
    private readonly Dictionary<TaskWatch, Task> inFlight = new();
    private int activeCount;
    private bool addingCompleted;
    private bool anyTerminal;
    private ExceptionDispatchInfo? fatal;
    private int rateLimitStreak;
    private TimeSpan quietUntil;
    private ITimer? wakeTimer;
    private TimeSpan? wakeArmedFor;
    private bool progressDirty;
    private TimeSpan? lastProgressAt;
    private TimeSpan runStartedAt;
    private long requests;
    private long wakeups;
    private long earlyReads;
    private long earlyReadHits;
    private int peakInFlight;

    // Set by the loop, read by finishing requests: reads are waiting for a slot, so every answer is urgent.
    private volatile bool slotsWanted;
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
        // A limit the caller gave is used from the start (as before it adapted); without one, slow start finds it.
        concurrency = new ConcurrencyLimit(this.options.ThrottleLimit ?? InitialConcurrency, this.options.ThrottleLimit ?? WaitOptions.MaxThrottleLimit);
        originTimestamp = time.GetTimestamp();
    }

    public WaitOptions Options => options;

    /// <summary>
    /// The loop sleeps with nothing to wake it but new input or its timer, which is not yet due (see
    /// <see cref="LoopInbox.IsIdle"/>). Read by tests on a fake clock, between the loop's turns.
    /// </summary>
    internal bool IsIdle => inbox.IsIdle && !(wakeArmedFor is { } armed && armed <= Now);

    /// <summary>Adds a task by id. Thread-safe; may be called before or while <see cref="RunAsync"/> runs.</summary>
    /// <returns><see cref="WaitAddResult.Added"/>, or why the task is not waited for (again): a duplicate, or the wait has ended and how.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public WaitAddResult Add(string id, RunwayTaskFormat format = RunwayTaskFormat.Official) => Enqueue(id, format, known: null);

    /// <summary>
    /// Adds a task object: it is read again through its own <see cref="RunwayTask.Format"/>. A task that is
    /// already terminal is reported at once without a request (a success only when it has output).
    /// </summary>
    public WaitAddResult Add(RunwayTask task)
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
            inbox.Post(new AddingCompletedMessage());
        }
    }

    private WaitAddResult Enqueue(string id, RunwayTaskFormat format, RunwayTask? known)
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

            if (endedBy != WaitAddResult.Added)
            {
                return endedBy;
            }

            if (!addedIds.Add(trimmed))
            {
                return WaitAddResult.Duplicate;
            }

            inbox.Post(new TaskAddedMessage(trimmed, format, known));
            return WaitAddResult.Added;
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
        var wake = new WakeMessage();
        using var timer = wakeTimer = time.CreateTimer(_ => inbox.Post(wake), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var start = runStartedAt = Now;
        var stoppedBy = WaitAddResult.AfterStop;
        try
        {
            var completion = await LoopAsync(start, requestsCancellation.Token, cancellationToken).ConfigureAwait(false);
            stoppedBy = completion switch
            {
                WaitCompletion.TimedOut => WaitAddResult.AfterTimeout,
                WaitCompletion.Any => WaitAddResult.AfterAny,
                _ => WaitAddResult.AfterStop,
            };
            ReportAddedTooLate(stoppedBy);
            return new WaitSummary(completion, watches.Count, succeeded, failed, notFound, errors, timedOut, requests, Now - start, wakeups)
            {
                EarlyReads = earlyReads,
                EarlyReadHits = earlyReadHits,
                PeakInFlight = peakInFlight,
            };
        }
        finally
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            requestsCancellation.Cancel();
            EndAdding(stoppedBy);
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

    /// <summary>Requests in flight at first, before the limit has learnt anything; slow start doubles it each round trip.</summary>
    private const int InitialConcurrency = 8;

    private TimeSpan Now => time.GetElapsedTime(originTimestamp);

    private async Task<WaitCompletion> LoopAsync(TimeSpan start, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        // A timeout too long to add to the start (TimeSpan.MaxValue) is as good as none.
        TimeSpan? deadline = options.Timeout is { } timeout && timeout < TimeSpan.MaxValue - start ? start + timeout : null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            wakeups++;
            while (inbox.TryTake(out var message))
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
            var wake = NextWake(deadline);
            if (inbox.PrepareToSleep(wake, schedule.Tick, now))
            {
                await WaitForMessageAsync(wake, cancellationToken).ConfigureAwait(false);
            }
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
                var now = completed.CompletedAt;
                var backlogged = inFlight.Count >= concurrency.Current && dueQueue.TryPeek(out _, out var dueAt) && dueAt <= now;
                inFlight.Remove(completed.Watch);
                if (!requestToken.IsCancellationRequested)
                {
                    // Only a 429 the server sent lowers the limit, not a read the connection's pause kept back unsent.
                    if (completed.Error is RunwayApiException { Kind: RunwayErrorKind.RateLimited, StatusCode: not null })
                    {
                        concurrency.OnRateLimited(completed.Watch.ReadStartedAt, now);
                    }
                    else
                    {
                        concurrency.OnAnswer(completed.Watch.ReadStartedAt, completed.Latency, now, backlogged);
                    }

                    OnPollCompleted(completed, now);
                }

                break;
            case WakeMessage:
                wakeArmedFor = null;
                break;
        }
    }

    private void StartDuePolls(TimeSpan now, CancellationToken requestToken)
    {
        while (inFlight.Count < concurrency.Current
            && dueQueue.TryPeek(out var watch, out var dueAt)
            && dueAt <= now + TimerSlack
            && !requestToken.IsCancellationRequested)
        {
            dueQueue.Dequeue();
            requests++;
            if (watch.ReadIsEarly)
            {
                earlyReads++;
            }

            watch.ReadStartedAt = now;
            watch.StartedLate = now - dueAt > schedule.LateStart;
            inFlight[watch] = PollAsync(watch, requestToken);
        }

        peakInFlight = Math.Max(peakInFlight, inFlight.Count);
        slotsWanted = inFlight.Count >= concurrency.Current && dueQueue.TryPeek(out _, out var next) && next <= now + TimerSlack;
    }

    private async Task PollAsync(TaskWatch watch, CancellationToken cancellationToken)
    {
        RunwayTask? task = null;
        Exception? error = null;
        var started = time.GetTimestamp();
        try
        {
            task = await source.GetTaskAsync(watch.Id, watch.Format, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        // An answer that ends nothing and frees no awaited slot waits for the loop's next planned wake (within a grid step).
        var now = Now;
        var urgent = task is null || task.IsTerminal || task.Status == RunwayTaskStatus.Succeeded || slotsWanted;
        inbox.Post(new PollCompletedMessage(watch, task, error, time.GetElapsedTime(started), now), urgent ? null : now + schedule.Tick);
    }

    /// <summary>
    /// A snapshot is wanted when something changed, and as a heartbeat while tasks are unfinished: a console repaints
    /// its progress pane only for a record that arrives after its own timer, so without one the last change of a
    /// quiet task (PENDING for minutes) would never be painted. Its elapsed time also shows the wait is alive.
    /// </summary>
    private bool ProgressWanted => options.EmitProgress && (progressDirty || activeCount > 0);

    /// <summary>When the loop must look again without a message: a due poll, the deadline, a progress tick; null = never.</summary>
    private TimeSpan? NextWake(TimeSpan? deadline)
    {
        var wake = deadline;
        if (inFlight.Count < concurrency.Current && dueQueue.TryPeek(out _, out var dueAt))
        {
            var now = Now;
            wake = Earliest(wake, dueAt > now ? schedule.OnTick(dueAt) : now);
        }

        if (ProgressWanted && lastProgressAt is { } last)
        {
            wake = Earliest(wake, last + options.ProgressInterval);
        }

        return wake;
    }

    private static TimeSpan Earliest(TimeSpan? current, TimeSpan candidate) =>
        current is { } value && value <= candidate ? value : candidate;

    /// <summary>
    /// Sleeps until a message rings; with a wake time, the one reusable timer posts a <see cref="WakeMessage"/>
    /// then. Nothing is allocated per sleep, and the timer is re-armed only when the wake time changed.
    /// </summary>
    private async ValueTask WaitForMessageAsync(TimeSpan? wake, CancellationToken cancellationToken)
    {
        if (wake is { } at && at != wakeArmedFor)
        {
            var delay = at - Now;
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            // Timers truncate to whole milliseconds; round up so the loop never wakes before it is due.
            delay = delay < MaxSleep ? TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)) : MaxSleep;
            wakeArmedFor = delay < MaxSleep ? at : null;
            wakeTimer!.Change(delay, Timeout.InfiniteTimeSpan);
        }

        await inbox.SleepAsync(cancellationToken).ConfigureAwait(false);
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

    private void EndAdding(WaitAddResult reason)
    {
        lock (addLock)
        {
            if (endedBy == WaitAddResult.Added)
            {
                endedBy = reason;
                inbox.Close();
            }
        }
    }

    /// <summary>
    /// Ends adding as the loop has ended, then reports tasks that were added after the loop last looked: after a timeout
    /// each of them timed out unread; after -Any they are not waited for, as their Add would now say.
    /// </summary>
    private void ReportAddedTooLate(WaitAddResult reason)
    {
        EndAdding(reason);
        while (inbox.TryTake(out var message))
        {
            if (message is TaskAddedMessage added && reason == WaitAddResult.AfterTimeout)
            {
                timedOut++;
                Write(new TaskTimedOutEvent(added.Id, added.Format, WaitMessages.ArrivedAfterTimeout(added.Id, options.Timeout ?? TimeSpan.Zero), added.Known));
            }
        }
    }

    private void Write(WaitEvent waitEvent) => report(waitEvent);
}
