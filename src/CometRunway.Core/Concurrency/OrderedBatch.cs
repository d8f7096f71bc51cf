using System.Runtime.ExceptionServices;

namespace CometRunway.Core.Concurrency;

/// <summary>
/// Runs work items with a bounded number in flight and reports their outcomes in the order they were added, each as soon
/// as it and all before it are done. Every item ends in a report (its outcome, or its <c>onError</c>'s for any exception)
/// unless the token is cancelled or the work returns null (nothing to report; later items are not held up by it).
/// </summary>
/// <remarks>
/// The engine of <see cref="Reading.BatchTaskReader"/> and <see cref="Creating.BatchTaskCreator"/>. The report callback
/// is called under a lock, one outcome at a time, and an exception it throws is kept for <see cref="WhenAllAsync"/> and
/// <see cref="Completion"/> without stopping the others.
/// </remarks>
internal sealed class OrderedBatch<TOutcome>
    where TOutcome : class
{
    private readonly Action<TOutcome> report;
    private readonly SemaphoreSlim slots;
    private readonly CancellationToken cancellationToken;
    private readonly object gate = new();
    private readonly TaskCompletionSource addingCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SortedDictionary<long, TOutcome?> finishedOutOfOrder = new();
    private long nextToAdd;
    private long nextToReport;
    private long pending;
    private TaskCompletionSource idle = NewIdleSignal();
    private ExceptionDispatchInfo? reportError;

    public OrderedBatch(int maxConcurrency, Action<TOutcome> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        this.report = report;
        this.cancellationToken = cancellationToken;
        slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        Completion = CompleteAfterAddingAsync();
    }

    /// <summary>
    /// Ends once <see cref="CompleteAdding"/> was called and every item added has ended (or the token was cancelled);
    /// faults with the first exception the report callback threw.
    /// </summary>
    public Task Completion { get; }

    /// <summary>
    /// Starts <paramref name="work"/> as soon as a slot is free; any exception it throws (but cancellation) is reported as
    /// <paramref name="onError"/>'s outcome. Both get the item's place in the report order, which is returned.
    /// </summary>
    public long Add(Func<long, CancellationToken, Task<TOutcome?>> work, Func<long, Exception, TOutcome> onError)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(onError);
        long sequence;
        lock (gate)
        {
            sequence = nextToAdd++;
            if (pending++ == 0)
            {
                idle = NewIdleSignal();
            }
        }

        // Fire and forget: RunOneAsync never throws, and its end is counted in 'pending'.
        _ = RunOneAsync(sequence, work, onError);
        return sequence;
    }

    /// <summary>Completes when every item added so far has ended; faults with the first exception the report callback threw.</summary>
    public Task WhenAllAsync()
    {
        lock (gate)
        {
            if (pending > 0)
            {
                return idle.Task;
            }

            return reportError is { } error ? Task.FromException(error.SourceException) : Task.CompletedTask;
        }
    }

    /// <summary>No more items will be added: <see cref="Completion"/> ends when those added so far have.</summary>
    public void CompleteAdding() => addingCompleted.TrySetResult();

    private static TaskCompletionSource NewIdleSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task CompleteAfterAddingAsync()
    {
        await addingCompleted.Task.ConfigureAwait(false);
        await WhenAllAsync().ConfigureAwait(false);
    }

    private async Task RunOneAsync(long sequence, Func<long, CancellationToken, Task<TOutcome?>> work, Func<long, Exception, TOutcome> onError)
    {
        TOutcome? outcome = null;
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A slot freed by a cancelled item may be handed to a waiter whose token is cancelled too.
                cancellationToken.ThrowIfCancellationRequested();
                outcome = await work(sequence, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // Whatever the work throws is reported in its place, or every later outcome would wait for it forever.
            outcome = onError(sequence, error);
        }
        finally
        {
            ReportInOrder(sequence, outcome);
            Ended();
        }
    }

    private void ReportInOrder(long sequence, TOutcome? outcome)
    {
        lock (gate)
        {
            finishedOutOfOrder[sequence] = outcome;
            while (finishedOutOfOrder.Remove(nextToReport, out var next))
            {
                nextToReport++;
                if (next is null)
                {
                    continue;
                }

                try
                {
                    report(next);
                }
                catch (Exception error)
                {
                    reportError ??= ExceptionDispatchInfo.Capture(error);
                }
            }
        }
    }

    private void Ended()
    {
        lock (gate)
        {
            if (--pending > 0)
            {
                return;
            }

            if (reportError is { } error)
            {
                idle.TrySetException(error.SourceException);
            }
            else
            {
                idle.TrySetResult();
            }
        }
    }
}
