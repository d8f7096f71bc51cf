using System.Collections.Concurrent;

namespace CometRunway.Core.Pipeline;

/// <summary>
/// Carries events from background work to the one thread allowed to write to the PowerShell pipeline.
/// Producers call <see cref="Post"/> from any thread; the pipeline thread drains.
/// </summary>
public sealed class EventPump<T> : IDisposable
{
    private readonly BlockingCollection<T> queue = new(new ConcurrentQueue<T>());

    /// <summary>Queues an event; silently dropped once the pump is completed or disposed (the consumer has gone).</summary>
    public void Post(T item)
    {
        try
        {
            queue.TryAdd(item);
        }
        catch (InvalidOperationException)
        {
            // Completed or disposed (ObjectDisposedException derives from it): nobody is listening any more.
        }
    }

    /// <summary>Producers are done: draining ends once the queue is empty.</summary>
    public void Complete()
    {
        try
        {
            queue.CompleteAdding();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Hands every event queued so far to <paramref name="handle"/> without waiting for more.</summary>
    public void DrainAvailable(Action<T> handle)
    {
        while (queue.TryTake(out var item))
        {
            handle(item);
        }
    }

    /// <summary>
    /// Hands events to <paramref name="handle"/> on the calling thread until <see cref="Complete"/> has been
    /// called and the queue is empty, or until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public void DrainUntilComplete(Action<T> handle, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in queue.GetConsumingEnumerable(cancellationToken))
            {
                handle(item);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => queue.Dispose();
}
