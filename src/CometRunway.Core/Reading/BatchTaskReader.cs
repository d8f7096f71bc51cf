using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Reading;

/// <summary>
/// Reads many tasks with a bounded number of requests in flight. Each id starts as soon as it is added;
/// results are reported in the order the ids were added, each as soon as it and all before it are done.
/// </summary>
public sealed class BatchTaskReader
{
    private readonly IRunwayTaskSource source;
    private readonly Action<ReadEvent> report;
    private readonly SemaphoreSlim slots;
    private readonly CancellationToken cancellationToken;
    private readonly object gate = new();
    private readonly SortedDictionary<long, ReadEvent> finishedOutOfOrder = new();
    private readonly List<Task> running = new();
    private long nextToAdd;
    private long nextToReport;

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
        }

        var work = ReadOneAsync(sequence, id, format);
        lock (gate)
        {
            running.RemoveAll(static t => t.IsCompleted);
            running.Add(work);
        }
    }

    /// <summary>Completes when every added id has been reported (or the token was cancelled).</summary>
    public Task WhenAllAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(running.ToArray());
        }
    }

    private async Task ReadOneAsync(long sequence, string id, RunwayTaskFormat format)
    {
        ReadEvent outcome;
        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                outcome = new ReadEvent.Read(await source.GetTaskAsync(id, format, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error) when (error is RunwayApiException or ArgumentException)
        {
            outcome = new ReadEvent.Failed(id, format, error);
        }

        ReportInOrder(sequence, outcome);
    }

    private void ReportInOrder(long sequence, ReadEvent outcome)
    {
        lock (gate)
        {
            finishedOutOfOrder[sequence] = outcome;
            while (finishedOutOfOrder.Remove(nextToReport, out var next))
            {
                report(next);
                nextToReport++;
            }
        }
    }
}
