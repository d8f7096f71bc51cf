using System.Collections.Concurrent;

namespace CometRunway.Emulator.Recording;

/// <summary>A bounded, thread-safe log of received requests; the oldest are dropped past the limit.</summary>
internal sealed class RequestRecorder(int capacity)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Add(RecordedRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > capacity && _requests.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot() => _requests.ToArray();

    public void Clear() => _requests.Clear();
}
