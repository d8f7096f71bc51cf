using CometRunway.Core.Concurrency;

namespace CometRunway.Core.Creating;

/// <summary>
/// Creates many tasks with a bounded number of creates in flight. Each request starts as soon as it is added; results
/// are reported in the order added (<see cref="CreateEvent"/>), each as soon as it and all before it are done.
/// </summary>
/// <remarks>
/// Cancelling drops the requests not yet sent without a report; a request already sent is not cancelled: it ends within
/// its request timeout and is reported (Created or Failed) after the cancellation, so no task that may exist goes unmentioned.
/// </remarks>
internal sealed class BatchTaskCreator
{
    private readonly RunwayTaskCreator creator;
    private readonly OrderedBatch<CreateEvent> batch;

    public BatchTaskCreator(RunwayTaskCreator creator, int maxConcurrency, Action<CreateEvent> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        this.creator = creator;
        batch = new OrderedBatch<CreateEvent>(maxConcurrency, report, cancellationToken);
    }

    /// <summary>Ends once <see cref="CompleteAdding"/> was called and every request added has been reported (or dropped by cancellation).</summary>
    public Task Completion => batch.Completion;

    /// <summary>Adds a request: it is validated and sent when a slot is free. Returns its place in the report order (0, 1, …).</summary>
    public long Add(CreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return batch.Add(
            async (sequence, token) => new CreateEvent.Created(sequence, request, await creator.CreateAsync(request, token).ConfigureAwait(false)),
            (sequence, error) => new CreateEvent.Failed(sequence, request, error));
    }

    /// <summary>No more requests will be added.</summary>
    public void CompleteAdding() => batch.CompleteAdding();

    /// <summary>Completes when every request added so far has been reported (or dropped by cancellation); faults with the report callback's first exception.</summary>
    public Task WhenAllAsync() => batch.WhenAllAsync();
}
