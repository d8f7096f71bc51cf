using CometRunway.Core.Concurrency;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Reading;

/// <summary>
/// Reads many tasks with a bounded number of requests in flight. Each id starts as soon as it is added;
/// results are reported in the order the ids were added, each as soon as it and all before it are done.
/// Every read ends in a report (a task or a failure) unless the token is cancelled.
/// </summary>
internal sealed class BatchTaskReader
{
    private readonly IRunwayTaskSource source;
    private readonly OrderedBatch<ReadEvent> batch;

    public BatchTaskReader(IRunwayTaskSource source, int maxConcurrency, Action<ReadEvent> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        batch = new OrderedBatch<ReadEvent>(maxConcurrency, report, cancellationToken);
    }

    /// <summary>Ends once <see cref="CompleteAdding"/> was called and every id added has been reported (or the token was cancelled).</summary>
    public Task Completion => batch.Completion;

    /// <remarks>
    /// Not only API and argument errors: whatever the source throws is reported as <see cref="ReadEvent.Failed"/> in its
    /// place, or every later result would wait for it forever.
    /// </remarks>
    public void Add(string id, RunwayTaskFormat format) => batch.Add(
        async (_, token) => new ReadEvent.Read(await source.GetTaskAsync(id, format, token).ConfigureAwait(false)),
        (_, error) => new ReadEvent.Failed(id, format, error));

    /// <summary>Reports <paramref name="error"/> for an id that cannot be read at all (a malformed id), in its place among the others.</summary>
    public void AddFailed(string id, RunwayTaskFormat format, Exception error) => batch.Add(
        (_, _) => Task.FromException<ReadEvent?>(error),
        (_, failure) => new ReadEvent.Failed(id, format, failure));

    /// <summary>No more ids will be added.</summary>
    public void CompleteAdding() => batch.CompleteAdding();

    /// <summary>
    /// Completes when every id added so far has been reported (or the token was cancelled). Faults with the
    /// first exception the report callback threw, if any.
    /// </summary>
    public Task WhenAllAsync() => batch.WhenAllAsync();
}
