using System.Runtime.ExceptionServices;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Reading;

/// <summary>
/// Reads many tasks with a bounded number of requests in flight. Each id starts as soon as it is added;
/// results are reported in the order the ids were added, each as soon as it and all before it are done.
/// Every read ends in a report (a task or a failure) unless the token is cancelled.
/// </summary>
public sealed class BatchTaskReader
{
    private readonly IRunwayTaskSource source;
    private readonly Action<ReadEvent> report;
    private readonly SemaphoreSlim slots;
    private readonly CancellationToken cancellationToken;
    private readonly object gate = new();
    private readonly SortedDictionary<long, ReadEvent> finishedOutOfOrder = new();
    private long nextToAdd;
    private long nextToReport;

    // Reads added but not yet ended, and the signal WhenAllAsync hands out while there are any.
    private long pending;
    private TaskCompletionSource idle = NewIdleSignal();
    private ExceptionDispatchInfo? reportError;

    public BatchTaskReader(IRunwayTaskSource source, int maxConcurrency, Action<ReadEvent> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        this.source = source;
        this.report = report;
        this.cancellationToken = cancellationToken;
        slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    public void Add(string id, RunwayTaskFormat format)
    {
        long sequence;
        lock (gate)
        {
            sequence = nextToAdd++;
            if (pending++ == 0)
            {
                idle = NewIdleSignal();
            }
        }

        // Fire and forget: ReadOneAsync never throws, and its end is counted in 'pending'.
        _ = ReadOneAsync(sequence, id, format);
    }

    /// <summary>
    /// Completes when every id added so far has been reported (or the token was cancelled). Faults with the
    /// first exception the report callback threw, if any.
    /// </summary>
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

    private static TaskCompletionSource NewIdleSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReadOneAsync(long sequence, string id, RunwayTaskFormat format)
    {
        try
        {
            var outcome = await ReadAsync(id, format).ConfigureAwait(false);
            if (outcome is not null)
            {
                ReportInOrder(sequence, outcome);
            }
        }
        finally
        {
            Ended();
        }
    }

    /// <returns>The outcome to report, or null when the token was cancelled.</returns>
    private async Task<ReadEvent?> ReadAsync(string id, RunwayTaskFormat format)
    {
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A slot freed by a cancelled read may be handed to a waiter whose token is cancelled too.
                cancellationToken.ThrowIfCancellationRequested();
                return new ReadEvent.Read(await source.GetTaskAsync(id, format, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception error)
        {
            // Not only API and argument errors: whatever a source throws must still be reported in its place,
            // or every later result would wait for it forever.
            return new ReadEvent.Failed(id, format, error);
        }
    }

    private void ReportInOrder(long sequence, ReadEvent outcome)
    {
        lock (gate)
        {
            finishedOutOfOrder[sequence] = outcome;
            while (finishedOutOfOrder.Remove(nextToReport, out var next))
            {
                nextToReport++;
                try
                {
                    report(next);
                }
                catch (Exception error)
                {
                    // The callback's own bug: keep reporting the others, and let WhenAllAsync say what happened.
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
