using System.Collections.Concurrent;
using System.Diagnostics;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>One call the engine made to a <see cref="ScriptedTaskSource"/>.</summary>
internal sealed record ScriptedCall(string Id, RunwayTaskFormat Format, int Number, TimeSpan StartedAt, bool AfterForbidden);

/// <summary>
/// A task source whose answers a test scripts per call (not a wire mock: it stands for the whole client,
/// for testing the engine's schedule and state machine). Records every call with its start time.
/// </summary>
internal sealed class ScriptedTaskSource : IRunwayTaskSource
{
    private readonly Func<ScriptedCall, RunwayTask> answer;
    private readonly ConcurrentDictionary<string, int> callNumbers = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int inFlight;
    private int maxInFlight;
    private int cancelledCalls;
    private volatile bool forbidden;

    public ScriptedTaskSource(Func<ScriptedCall, RunwayTask> answer) => this.answer = answer;

    /// <summary>How long each call takes (cancellable); zero still completes asynchronously.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Per call latency; overrides <see cref="Latency"/> when set.</summary>
    public Func<ScriptedCall, TimeSpan>? LatencyOf { get; init; }

    public ConcurrentQueue<ScriptedCall> Calls { get; } = new();

    public int InFlight => Volatile.Read(ref inFlight);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public int CancelledCalls => Volatile.Read(ref cancelledCalls);

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Marks every later call as a violation (used around cancellation).</summary>
    public void ForbidCalls() => forbidden = true;

    public IReadOnlyList<ScriptedCall> CallsFor(string id) => Calls.Where(call => call.Id == id).OrderBy(call => call.Number).ToList();

    public async Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        var call = new ScriptedCall(id, format, callNumbers.AddOrUpdate(id, 1, (_, n) => n + 1), clock.Elapsed, forbidden);
        Calls.Enqueue(call);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var latency = LatencyOf?.Invoke(call) ?? Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }

            return answer(call);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref cancelledCalls);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
