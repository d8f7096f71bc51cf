using System.Collections.Concurrent;
using System.Diagnostics;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Waiting;
using Microsoft.Extensions.Time.Testing;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>
/// One wait on a <see cref="FakeTimeProvider"/>: the source answers at once, on the loop's own thread, and the clock
/// moves on in small steps only while the loop sleeps, so every read is recorded at exactly the time the waiter chose.
/// The waiter's random numbers come from a seeded <see cref="Random"/>; <see cref="Draws"/> repeats them.
/// </summary>
internal sealed class FakeClockWait : IRunwayTaskSource
{
    public const int Seed = 4711;

    private readonly Func<ScriptedCall, RunwayTask> answer;
    private readonly ConcurrentDictionary<string, int> callNumbers = new(StringComparer.Ordinal);
    private readonly long origin;
    private Task<WaitSummary>? run;

    public FakeClockWait(WaitOptions options, Func<ScriptedCall, RunwayTask> answer)
    {
        this.answer = answer;
        origin = Clock.GetTimestamp();
        Waiter = new RunwayTaskWaiter(this, Events.Enqueue, line => Events.Enqueue(new WaitVerboseEvent(line)), options, Clock, new Random(Seed));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public RunwayTaskWaiter Waiter { get; }

    public ConcurrentQueue<WaitEvent> Events { get; } = new();

    public ConcurrentQueue<ScriptedCall> Calls { get; } = new();

    /// <summary>Time on the fake clock since the wait was made.</summary>
    public TimeSpan Elapsed => Clock.GetElapsedTime(origin);

    /// <summary>The waiter's random numbers, in the order it draws them.</summary>
    public static IEnumerable<double> Draws()
    {
        var random = new Random(Seed);
        while (true)
        {
            yield return random.NextDouble();
        }
    }

    public IReadOnlyList<TimeSpan> ReadsOf(string id) => Calls.Where(call => call.Id == id).OrderBy(call => call.Number).Select(call => call.StartedAt).ToList();

    /// <summary>A wait for <paramref name="ids"/>, no more input, started.</summary>
    public static async Task<FakeClockWait> StartedAsync(WaitOptions options, Func<ScriptedCall, RunwayTask> answer, params string[] ids)
    {
        var wait = new FakeClockWait(options, answer);
        foreach (var id in ids)
        {
            wait.Waiter.Add(id);
        }

        wait.Waiter.CompleteAdding();
        await wait.StartAsync();
        return wait;
    }

    /// <summary>Starts the run (input may be added before or after).</summary>
    public async Task StartAsync()
    {
        run = Waiter.RunAsync(CancellationToken.None);
        await SettleAsync();
    }

    /// <summary>Moves the clock on in <paramref name="step"/>s until the run ends; fails after <paramref name="limit"/> of fake time.</summary>
    public async Task<WaitSummary> RunToEndAsync(TimeSpan limit, TimeSpan? step = null)
    {
        await AdvanceAsync(limit, step, stopWhenDone: true);
        Assert.True(run!.IsCompleted, $"the wait had not ended after {limit} on the fake clock");
        return await run;
    }

    /// <summary>Moves the clock on by <paramref name="span"/> in <paramref name="step"/>s, letting the loop settle after each.</summary>
    public Task AdvanceAsync(TimeSpan span, TimeSpan? step = null) => AdvanceAsync(span, step, stopWhenDone: false);

    public async Task SettleAsync()
    {
        var wall = Stopwatch.StartNew();
        while (!Waiter.IsIdle && !run!.IsCompleted)
        {
            Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "the waiter's loop never went to sleep");
            await Task.Yield();
        }
    }

    public Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        var call = new ScriptedCall(id, format, callNumbers.AddOrUpdate(id, 1, (_, n) => n + 1), Elapsed, false);
        Calls.Enqueue(call);
        try
        {
            return Task.FromResult(answer(call) with { RetrievedAt = Clock.GetUtcNow() });
        }
        catch (Exception error)
        {
            return Task.FromException<RunwayTask>(error);
        }
    }

    private async Task AdvanceAsync(TimeSpan span, TimeSpan? step, bool stopWhenDone)
    {
        var each = step ?? TimeSpan.FromMilliseconds(1);
        var end = Elapsed + span;
        while (Elapsed < end && !(stopWhenDone && run!.IsCompleted))
        {
            Clock.Advance(each);
            await SettleAsync();
        }
    }
}
