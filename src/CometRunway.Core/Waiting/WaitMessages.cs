using System.Globalization;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>The human sentences of the waiter's events.</summary>
internal static class WaitMessages
{
    public static string StatusLabel(RunwayTask task) => task.Status == RunwayTaskStatus.Unknown
        ? $"UNKNOWN ('{task.RawStatus}')"
        : StatusLabel(task.Status);

    public static string StatusLabel(RunwayTaskStatus status) => status switch
    {
        RunwayTaskStatus.Pending => "PENDING",
        RunwayTaskStatus.Throttled => "THROTTLED",
        RunwayTaskStatus.Running => "RUNNING",
        RunwayTaskStatus.Succeeded => "SUCCEEDED",
        RunwayTaskStatus.Failed => "FAILED",
        RunwayTaskStatus.Cancelled => "CANCELLED",
        _ => "UNKNOWN",
    };

    /// <summary>" (40%)" for a running task that reported progress; empty otherwise (a pending 0% says nothing).</summary>
    public static string Percent(RunwayTask task) => task.Progress is { } progress && task.Status == RunwayTaskStatus.Running
        ? " (" + progress.ToString("0.#", CultureInfo.InvariantCulture) + "%)"
        : string.Empty;

    public static string Failure(RunwayTask task)
    {
        var what = task.Status == RunwayTaskStatus.Cancelled ? "was cancelled" : "failed";
        var reason = string.IsNullOrWhiteSpace(task.FailureReason) ? null : task.FailureReason.Trim();
        var code = string.IsNullOrWhiteSpace(task.FailureCode) ? null : task.FailureCode.Trim();
        var detail = (reason, code) switch
        {
            (not null, not null) => $": {reason} (code {code})",
            (not null, null) => $": {reason}",
            (null, not null) => $" with code {code}",
            _ => " without a reason",
        };
        return Sentence($"Task {task.Id} {what}{detail}");
    }

    public static string NotFound(string id, RunwayTaskFormat format, TimeSpan waited) =>
        $"Task {id} was not found: the server answered task_not_exist for {Duration(waited)}. " +
        $"Check the id, and that the task was created with the {format} format.";

    public static string TransientErrorsExhausted(string id, TimeSpan failingFor, Exception last) =>
        Sentence($"Task {id} could not be read for {Duration(failingFor)}; the last attempt failed: {last.Message}");

    public static string Unreadable(string id, Exception error) => Sentence($"Task {id} cannot be read: {error.Message}");

    /// <summary>A task that was added after the wait had ended at its time limit.</summary>
    public static string ArrivedAfterTimeout(string id, TimeSpan timeout) =>
        $"Task {id} arrived after the wait had ended at its time limit ({Duration(timeout)}); it was not waited for.";

    /// <summary>"Task X is still PENDING after 25m 3s; RUNNING never seen", and the like.</summary>
    public static string StillWaiting(TaskWatch watch, TimeSpan now)
    {
        var waited = Duration(now - watch.AddedAt);
        var task = watch.LastSeen;
        string sentence;
        if (task is null)
        {
            sentence = watch.NotVisibleSince is not null
                ? $"Task {watch.Id} is still not visible (task_not_exist) after {waited}"
                : watch.LastError is not null
                    ? $"Task {watch.Id} could not be read in {waited}"
                    : $"Task {watch.Id} was not read yet after {waited}";
        }
        else if (task.Status == RunwayTaskStatus.Succeeded)
        {
            sentence = $"Task {watch.Id} SUCCEEDED but still has no output URL after {waited}";
        }
        else
        {
            sentence = $"Task {watch.Id} is still {StatusLabel(task)}{Percent(task)} after {waited}";
            var runningSince = watch.FirstSeen(RunwayTaskStatus.Running);
            if (task.Status == RunwayTaskStatus.Running && runningSince is { } since)
            {
                sentence += $"; first seen RUNNING {Duration(now - since)} ago";
            }
            else if (runningSince is { } earlier)
            {
                sentence += $"; RUNNING first seen {Duration(now - earlier)} ago";
            }
            else
            {
                sentence += "; RUNNING never seen";
            }
        }

        if (watch.LastError is { } error)
        {
            sentence += $"; the last read failed: {error.Message}";
        }

        return Sentence(sentence);
    }

    /// <summary>Ends the text with a period, unless it already ends a sentence (an error message usually does).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    /// <summary>"25m 3s", "12m", "1h 5m", "40s", "350ms".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        if (span < TimeSpan.FromSeconds(1))
        {
            return ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        // Rounded, not cut: a wait that ends at 1.998 s after a task was added is "2s", as the -Timeout said.
        span = TimeSpan.FromSeconds(Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero));
        if (span < TimeSpan.FromMinutes(1))
        {
            return ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return span.Seconds == 0 ? $"{(int)span.TotalMinutes}m" : $"{(int)span.TotalMinutes}m {span.Seconds}s";
        }

        return span.Minutes == 0 ? $"{(int)span.TotalHours}h" : $"{(int)span.TotalHours}h {span.Minutes}m";
    }

    /// <summary>"1.5s" for retry delays in verbose messages.</summary>
    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
