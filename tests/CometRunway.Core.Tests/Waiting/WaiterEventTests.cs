using System.Reflection;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

public sealed class WaiterEventTests
{
    [Fact]
    public async Task EveryEventIsHandledOnTheDrainingThreadOnly()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number switch
        {
            1 => throw TaskAnswers.NotVisible(call.Id),
            2 => TaskAnswers.Unknown(call.Id, "HUH"),
            3 => TaskAnswers.Running(call.Id, 50),
            _ => int.Parse(call.Id[1..]) % 2 == 0 ? TaskAnswers.Succeeded(call.Id) : TaskAnswers.Failed(call.Id),
        });
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(source, drain.Report, drain.Verbose, WaitTestOptions.Fast(throttle: 16));

        var run = waiter.RunAsync(CancellationToken.None);

        // Input from several threads at once, as ForEach-Object -Parallel or a thread job might produce it.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            foreach (var id in ids.Skip(worker * 25))
            {
                waiter.Add(id);
            }
        })));
        waiter.CompleteAdding();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var events = drain.Finish();

        Assert.True(events.Count > 600);
        Assert.All(drain.HandlerThreadIds, id => Assert.Equal(drain.DrainThreadId, id));
        Assert.Equal(200, events.OfType<TaskSucceededEvent>().Count() + events.OfType<TaskFailedEvent>().Count());
        Assert.Equal(200, events.OfType<WaitWarningEvent>().Count());
    }

    [Fact]
    public async Task TheCallbacksAreCalledOneAtATimeAndAllBeforeRunAsyncEnds()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number < 3 ? TaskAnswers.Running(call.Id, 10 * call.Number) : TaskAnswers.Succeeded(call.Id));
        var inside = 0;
        var overlaps = 0;
        var calls = 0;
        void Enter()
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            Thread.SpinWait(2000);
            Interlocked.Increment(ref calls);
            Interlocked.Decrement(ref inside);
        }

        var waiter = new RunwayTaskWaiter(source, _ => Enter(), _ => Enter(), WaitTestOptions.Fast(throttle: 16));
        var run = waiter.RunAsync(CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            foreach (var id in ids.Skip(worker * 25).Take(25))
            {
                waiter.Add(id);
            }
        })));
        waiter.CompleteAdding();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var callsWhenRunEnded = Volatile.Read(ref calls);
        await Task.Delay(200);

        Assert.Equal(0, overlaps);
        Assert.True(callsWhenRunEnded >= 2 * ids.Length, $"{callsWhenRunEnded} calls");
        Assert.Equal(callsWhenRunEnded, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task IdsAddedConcurrentlyAreCountedOnce()
    {
        var source = new ScriptedTaskSource(call => TaskAnswers.Succeeded(call.Id));
        var waiter = new RunwayTaskWaiter(source, _ => { }, options: WaitTestOptions.Fast(throttle: 16));
        var accepted = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                if (waiter.Add($"t{i}") == WaitAddResult.Added)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })));
        waiter.CompleteAdding();
        var summary = await waiter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(500, accepted);
        Assert.Equal(500, summary.Total);
        Assert.Equal(500, source.Calls.Count);
    }

    [Fact]
    public async Task ProgressIsThrottledBoundedAndCounts()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"t{i}").ToArray();
        var source = new ScriptedTaskSource(call => call.Number < 2 + (int.Parse(call.Id[1..]) % 8)
            ? TaskAnswers.Running(call.Id, call.Number * 10)
            : TaskAnswers.Succeeded(call.Id));
        var options = WaitTestOptions.Fast(throttle: 16) with { ProgressInterval = TimeSpan.FromMilliseconds(100), MaxProgressChildren = 5 };

        var (summary, events) = await WaitRun.RunAsync(source, options, ids);

        var snapshots = events.OfType<WaitProgressEvent>().ToList();
        Assert.NotEmpty(snapshots);
        // Not more than one per interval (plus the first, which is immediate).
        Assert.True(snapshots.Count <= (summary.Elapsed / options.ProgressInterval) + 1,
            $"{snapshots.Count} snapshots in {summary.Elapsed.TotalMilliseconds} ms");
        Assert.All(snapshots, s => Assert.InRange(s.Active.Count, 0, 5));
        Assert.All(snapshots, s => Assert.Equal(100, s.Total));
        Assert.Equal(snapshots.Select(s => s.Done).Order(), snapshots.Select(s => s.Done));
        Assert.All(snapshots.SelectMany(s => s.Active), child => Assert.Equal(child.Id, ids[child.Ordinal]));
        Assert.Contains(snapshots.SelectMany(s => s.Active), child => child.Status == "RUNNING" && child.Percent > 0);
    }

    [Fact]
    public void TheWaitingCodeHasNoStaticMutableState()
    {
        // Compiler-generated lambda caches are the only static fields the compiler may add; they hold stateless delegates.
        var types = typeof(RunwayTaskWaiter).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(RunwayTaskWaiter).Namespace)
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));

        var mutable = types
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsLiteral && !field.IsInitOnly)
            .Select(field => $"{field.DeclaringType!.Name}.{field.Name}");

        Assert.Empty(mutable);
    }
}
