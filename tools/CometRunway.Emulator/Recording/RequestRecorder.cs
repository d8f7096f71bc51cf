using System.Collections.Concurrent;

namespace CometRunway.Emulator.Recording;

/// <summary>A bounded, thread-safe log of received requests; the oldest are dropped past the limit.</summary>
internal sealed class RequestRecorder(int capacity)
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public void Add(RecordedRequest request)
    {
        requests.Enqueue(request);
        while (requests.Count > capacity && requests.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => requests.ToArray();

    public void Clear() => requests.Clear();
}
