using System.Runtime.ExceptionServices;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>The per-task state machine: what each answer means and when the task is read next.</summary>
internal sealed partial class RunwayTaskWaiter
{
    /// <summary>
    /// A task is given up (not found, or unreadable for transient errors) only after as many such answers as the
    /// time limit takes on the cadence, at most this many, as well as the time limit: after a stall (a laptop
    /// asleep, a starved process) the clock alone says nothing.
    /// </summary>
    private const int MaxAnswersBeforeGivingUp = 3;

    private void OnTaskAdded(TaskAddedMessage added, TimeSpan now)
    {
        var watch = new TaskWatch(added.Id, added.Format, watches.Count, now);
        watches.Add(watch);
        activeCount++;
        progressDirty = true;
        if (added.Known is not { } known)
        {
            // A new task is read at once.
            Enqueue(watch, now);
            return;
        }

        watch.Record(known, now);
        if (known.IsTerminal && (known.Status != RunwayTaskStatus.Succeeded || known.Output.Count > 0))
        {
            Verbose($"Task {watch.Id} is already {WaitMessages.StatusLabel(known)}; reported without a request.");
            Finish(watch, known);
            return;
        }

        // An object read (or created) within the interval counts as the first read, made when it was retrieved; an
        // older one (kept in a variable, imported from a file) says nothing about now and is read at once.
        var age = time.GetUtcNow() - known.RetrievedAt;
        if (age > schedule.Interval)
        {
            Enqueue(watch, now);
            return;
        }

        watch.ReadStartedAt = age > TimeSpan.Zero ? now - age : now;
        ScheduleNext(watch, now, known);
    }

    private void OnPollCompleted(PollCompletedMessage completed, TimeSpan now)
    {
        var watch = completed.Watch;
        if (watch.IsDone)
        {
            return;
        }

        var early = watch.ReadIsEarly;
        if (completed.Task is { } task)
        {
            rateLimitStreak = 0;
            OnTaskRead(watch, task, now);
        }
        else
        {
            OnReadFailed(watch, completed.Error!, now);
        }

        if (early && watch.IsDone)
        {
            earlyReadHits++;
        }
    }

    private void OnTaskRead(TaskWatch watch, RunwayTask read, TimeSpan now)
    {
        var task = watch.WithRequestOf(read);
        var previous = watch.LastSeen;
        if (watch.Record(task, now))
        {
            progressDirty = true;
            if (verbose is not null && (previous is null || previous.Status != task.Status || previous.RawStatus != task.RawStatus))
            {
                Verbose(previous is null
                    ? $"Task {watch.Id}: {WaitMessages.StatusLabel(task)}{WaitMessages.Percent(task)}."
                    : $"Task {watch.Id}: {WaitMessages.StatusLabel(previous)} -> {WaitMessages.StatusLabel(task)}{WaitMessages.Percent(task)}.");
            }
        }

        switch (task.Status)
        {
            case RunwayTaskStatus.Succeeded when task.Output.Count == 0:
                watch.NoOutputSince ??= now;
                if (now - watch.NoOutputSince.Value >= options.NoOutputGrace)
                {
                    Write(new WaitWarningEvent(watch.Id,
                        $"Task {watch.Id} succeeded but reported no output URL after {WaitMessages.Duration(now - watch.NoOutputSince.Value)} of asking again; it is returned without output."));
                    Finish(watch, task);
                }
                else
                {
                    Verbose($"Task {watch.Id} succeeded without an output URL yet; asking again.");
                    ScheduleNext(watch, now);
                }

                break;
            case RunwayTaskStatus.Succeeded or RunwayTaskStatus.Failed or RunwayTaskStatus.Cancelled:
                Finish(watch, task);
                break;
            case RunwayTaskStatus.Unknown:
                if (!watch.UnknownStatusWarned)
                {
                    watch.UnknownStatusWarned = true;
                    Write(new WaitWarningEvent(watch.Id,
                        $"Task {watch.Id} reports a status this module does not know ('{task.RawStatus}'); still waiting for it to end."));
                }

                ScheduleNext(watch, now);
                break;
            default:
                ScheduleNext(watch, now, task);
                break;
        }
    }

    private void OnReadFailed(TaskWatch watch, Exception error, TimeSpan now)
    {
        var kind = error switch
        {
            RunwayApiException api => api.Kind,
            OperationCanceledException or TimeoutException => RunwayErrorKind.Timeout,
            HttpRequestException or IOException => RunwayErrorKind.Network,
            _ => (RunwayErrorKind?)null,
        };
        switch (kind)
        {
            case RunwayErrorKind.TaskNotVisible:
                var firstAnswer = watch.NotVisibleSince is null;
                watch.NotVisibleSince ??= watch.LastSeen is null ? watch.AddedAt : now;
                watch.NotVisibleAnswers++;
                var waited = now - watch.NotVisibleSince.Value;
                if (waited >= options.NotFoundTimeout && watch.NotVisibleAnswers >= AnswersBeforeGivingUp(options.NotFoundTimeout))
                {
                    notFound++;
                    Finish(watch, new TaskNotFoundEvent(watch.Id, watch.Format, waited, WaitMessages.NotFound(watch.Id, watch.Format, waited)));
                    return;
                }

                var next = ScheduleNext(watch, now);
                if (firstAnswer)
                {
                    Verbose($"Task {watch.Id} is not visible yet (task_not_exist); asking again in {WaitMessages.Seconds(next)}, for up to {WaitMessages.Duration(options.NotFoundTimeout)}.");
                }

                return;
            case RunwayErrorKind.RateLimited:
                // The refused read told nothing: it goes back in the queue for when the server allows it. The pause
                // for every other read to that address is the connection's (the sender's), not the waiter's.
                Enqueue(watch, now + RateLimitedFor((RunwayApiException)error, watch, now));
                return;
            case RunwayErrorKind.Authentication or RunwayErrorKind.QuotaExhausted:
                fatal ??= ExceptionDispatchInfo.Capture(error);
                return;
            case RunwayErrorKind.ServerError or RunwayErrorKind.Network or RunwayErrorKind.Timeout or RunwayErrorKind.MalformedResponse:
                watch.ErrorSince ??= now;
                watch.LastError = error;
                watch.ConsecutiveErrors++;
                var failingFor = now - watch.ErrorSince.Value;
                if (failingFor >= options.TransientErrorTimeout && watch.ConsecutiveErrors >= AnswersBeforeGivingUp(options.TransientErrorTimeout))
                {
                    errors++;
                    Finish(watch, new TaskErrorEvent(watch.Id, watch.Format, error, WaitMessages.TransientErrorsExhausted(watch.Id, failingFor, error)));
                    return;
                }

                var retryIn = ScheduleNext(watch, now);
                Verbose($"Task {watch.Id}: {kind} ({error.Message}); retrying in {WaitMessages.Seconds(retryIn)}.");
                return;
            default:
                // NotFound, BadRequest, or an exception no HTTP layer should throw: asking again will not help.
                errors++;
                Finish(watch, new TaskErrorEvent(watch.Id, watch.Format, error, WaitMessages.Unreadable(watch.Id, error)));
                return;
        }
    }

    /// <summary>How long a read refused with 429 waits: the server's Retry-After, else a fallback that grows while 429s continue.</summary>
    private TimeSpan RateLimitedFor(RunwayApiException error, TaskWatch watch, TimeSpan now)
    {
        if (error.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            if (error.StatusCode is not null && now + retryAfter > quietUntil)
            {
                // Said once a window, by the read that got the 429 (not by each read the connection's pause kept back).
                quietUntil = now + retryAfter;
                Verbose($"Rate limited (HTTP 429, Retry-After); no request for {WaitMessages.Seconds(retryAfter)}.");
            }

            return retryAfter;
        }

        var fallback = Backoff.Delay(++rateLimitStreak, options.RateLimitFallbackDelay, options.MaxRateLimitFallbackDelay, options.JitterFraction, random);
        Verbose($"Rate limited (HTTP 429); task {watch.Id} is read again in {WaitMessages.Seconds(fallback)}, with fewer reads at once.");
        return fallback;
    }

    /// <summary>
    /// Puts the task back in the queue: one interval after its last cadence read started, or, when its progress
    /// says it will have finished well before that, an early read then (never more than one per interval).
    /// </summary>
    /// <returns>The delay from now to the read chosen.</returns>
    private TimeSpan ScheduleNext(TaskWatch watch, TimeSpan now, RunwayTask? running = null)
    {
        var afterEarlyRead = watch.ReadIsEarly;
        watch.ReadIsEarly = false;
        if (!afterEarlyRead)
        {
            var spreadAgain = watch.CadenceReads++ == 0 || watch.StartedLate;
            watch.NextCadenceAt = watch.ReadStartedAt + (spreadAgain ? schedule.FirstDelay(random) : schedule.Interval);
        }

        var due = watch.NextCadenceAt;
        if (options.EarlyReads && !afterEarlyRead && running is not null && FinishEstimate.For(watch, running, now, schedule.EarlyReadMinimumGap) is { } finish)
        {
            // A little after the estimate, never within a fifth of an interval of another read, and never two early
            // reads within one interval: with the cadence read, no interval ever holds more than two reads.
            var gap = schedule.EarlyReadMinimumGap;
            var early = Latest(finish + (gap / 4), watch.ReadStartedAt + gap, (watch.LastEarlyReadAt ?? TimeSpan.MinValue / 2) + schedule.Interval);
            if (early <= due - gap)
            {
                due = early;
                watch.ReadIsEarly = true;
                watch.LastEarlyReadAt = early;
            }
        }

        Enqueue(watch, due);
        return due > now ? due - now : TimeSpan.Zero;
    }

    private static TimeSpan Latest(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private void Enqueue(TaskWatch watch, TimeSpan due) => dueQueue.Enqueue(watch, due);

    /// <summary>As many answers as <paramref name="limit"/> takes on the cadence, the first read included, at most three; one for zero.</summary>
    private int AnswersBeforeGivingUp(TimeSpan limit) =>
        (int)Math.Min(MaxAnswersBeforeGivingUp, 1 + Math.Ceiling(limit / schedule.Interval));

    private void Finish(TaskWatch watch, RunwayTask task)
    {
        if (task.Status == RunwayTaskStatus.Succeeded)
        {
            succeeded++;
            Finish(watch, new TaskSucceededEvent(task));
        }
        else
        {
            failed++;
            Finish(watch, new TaskFailedEvent(task, WaitMessages.Failure(task)));
        }

        anyTerminal = true;
    }

    private void Finish(TaskWatch watch, WaitEvent outcome)
    {
        watch.IsDone = true;
        activeCount--;
        progressDirty = true;
        Write(outcome);
    }

    private void ReportTimeouts(TimeSpan now)
    {
        foreach (var watch in watches)
        {
            if (!watch.IsDone)
            {
                timedOut++;
                Write(new TaskTimedOutEvent(watch.Id, watch.Format, WaitMessages.StillWaiting(watch, now), watch.LastSeen));
            }
        }
    }

    private void EmitProgressIfDue(TimeSpan now)
    {
        if (!ProgressWanted || (lastProgressAt is { } last && now - last < options.ProgressInterval))
        {
            return;
        }

        lastProgressAt = now;
        progressDirty = false;
        var active = watches
            .Where(watch => !watch.IsDone)
            .OrderByDescending(watch => watch.LastChangedAt)
            .Take(options.MaxProgressChildren)
            .Select(watch => new TaskProgressInfo(
                watch.Id,
                watch.Ordinal,
                watch.LastSeen is { } seen ? WaitMessages.StatusLabel(seen) : watch.NotVisibleSince is null ? "WAITING" : "NOT VISIBLE YET",
                watch.LastSeen?.Progress))
            .ToArray();
        Write(new WaitProgressEvent(watches.Count - activeCount, watches.Count, active) { Elapsed = now - runStartedAt });
    }
}
