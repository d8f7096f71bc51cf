using System.Collections.Concurrent;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Reading;

/// <summary>Passes every read to a real source (the client over the emulator) and counts reads in flight and their completion order.</summary>
internal sealed class CountingTaskSource(IRunwayTaskSource inner) : IRunwayTaskSource
{
    private int inFlight;
    private int maxInFlight;

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public int Started => Volatile.Read(ref started);

    public ConcurrentQueue<string> CompletionOrder { get; } = new();

    private int started;

    public async Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref started);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            return await inner.GetTaskAsync(id, format, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            CompletionOrder.Enqueue(id);
        }
    }
}
