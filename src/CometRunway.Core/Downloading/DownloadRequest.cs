using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Downloading;

/// <summary>One URL to save: an output of a task, or a bare URL with an optional task id to name it.</summary>
internal sealed record DownloadRequest
{
    public required Uri Url { get; init; }

    /// <summary>The task the output belongs to, when the request came from one; errors about the output name it.</summary>
    public RunwayTask? Task { get; init; }

    /// <summary>Names the file and, with <see cref="TaskFormat"/>, allows fresh links to be fetched when this one expired.</summary>
    public string? TaskId { get; init; }

    /// <summary>The route the task was read from; a refresh reads it the same way.</summary>
    public RunwayTaskFormat? TaskFormat { get; init; }

    /// <summary>Zero-based position in the task's output list.</summary>
    public int OutputIndex { get; init; }

    /// <summary>How many outputs the task has; a task with one output gets no <c>_n</c> suffix.</summary>
    public int OutputCount { get; init; } = 1;

    /// <summary>
    /// Bare output URLs as typed, optionally of one known task: the absolute ones are numbered in the order
    /// given; each other text goes to <paramref name="reject"/> with an InvalidUrl error and takes no number. A fresh link
    /// for <paramref name="taskId"/> is read through <paramref name="taskFormat"/>.
    /// </summary>
    public static IReadOnlyList<DownloadRequest> ForUrls(
        IEnumerable<string> urls, string? taskId, RunwayTaskFormat taskFormat, Action<string, RunwayDownloadException> reject)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(reject);
        var valid = new List<Uri>();
        foreach (var text in urls)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                valid.Add(url);
            }
            else
            {
                reject(text, new RunwayDownloadException(DownloadErrorKind.InvalidUrl, $"'{UrlDisplay.Describe(text)}' is not an absolute URL.") { TaskId = taskId });
            }
        }

        return valid
            .Select((url, index) => new DownloadRequest
            {
                Url = url,
                TaskId = taskId,
                TaskFormat = taskId is null ? null : taskFormat,
                OutputIndex = index,
                OutputCount = valid.Count,
            })
            .ToArray();
    }

    /// <summary>
    /// The requests for a task known only by the fields an object states (deserialized, an <c>Import-Csv</c> row, a bare
    /// id): its own Output links are saved. An object that states no status but lists output is taken to have succeeded.
    /// </summary>
    /// <exception cref="RunwayDownloadException">The task did not succeed (TaskNotSucceeded) or lists no output URL (NoOutput).</exception>
    public static IReadOnlyList<DownloadRequest> ForTaskFields(
        string id, RunwayTaskFormat? format, RunwayTaskStatus? status, IReadOnlyList<Uri>? output, Uri? baseUri) =>
        ForTask(new RunwayTask
        {
            Id = id,
            Format = format ?? RunwayTaskFormat.Official,
            Status = status ?? RunwayTaskStatus.Succeeded,
            Output = output ?? [],
            BaseUri = baseUri,
        });

    /// <summary>The requests for every output of a task.</summary>
    /// <exception cref="RunwayDownloadException">The task did not succeed (TaskNotSucceeded) or lists no output URL (NoOutput).</exception>
    public static IReadOnlyList<DownloadRequest> ForTask(RunwayTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Status != RunwayTaskStatus.Succeeded)
        {
            var reason = string.IsNullOrWhiteSpace(task.FailureReason) ? string.Empty : $" ({task.FailureReason})";
            throw new RunwayDownloadException(
                DownloadErrorKind.TaskNotSucceeded,
                $"Task {task.Id} is {task.Status}{reason}, so it has no output to save. Wait for it (Wait-RunwayTask -Id {task.Id}) and save it once it has succeeded.")
            { TaskId = task.Id };
        }

        if (task.Output.Count == 0)
        {
            var read = task.Format == RunwayTaskFormat.Feed ? "Get-RunwayFeedTask" : "Get-RunwayTask";
            throw new RunwayDownloadException(
                DownloadErrorKind.NoOutput,
                $"Task {task.Id} lists no output URL. Read the task and pipe that on: {read} -Id {task.Id} | Save-RunwayOutput " +
                "(a task that has just succeeded may list its output a little later).")
            { TaskId = task.Id };
        }

        return task.Output
            .Select((url, index) => new DownloadRequest
            {
                Url = url,
                Task = task,
                TaskId = task.Id,
                TaskFormat = task.Format,
                OutputIndex = index,
                OutputCount = task.Output.Count,
            })
            .ToArray();
    }
}
