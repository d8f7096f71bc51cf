using CometRunway.Core.Concurrency;

using CometRunway.Core.Tests.Support;

namespace CometRunway.Core.Tests.Concurrency;

/// <summary>The in-order, bounded engine under the batch creator, driven by gated work (no server can gate this exactly).</summary>
public sealed class OrderedBatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NoMoreThanTheLimitRunAtOnceAndOutcomesKeepTheirOrder()
    {
        var gates = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var running = 0;
        var maxRunning = 0;
        var started = new List<long>();
        var reported = new List<string>();
        var batch = new OrderedBatch<string>(2, reported.Add, CancellationToken.None);

        foreach (var gate in gates)
        {
            batch.Add(async (sequence, _) =>
            {
                lock (started)
                {
                    started.Add(sequence);
                    maxRunning = Math.Max(maxRunning, ++running);
                }

                try
                {
                    return await gate.Task;
                }
                finally
                {
                    lock (started)
                    {
                        running--;
                    }
                }
            }, (sequence, error) => $"{sequence}: {error.Message}");
        }

        await Eventually.HoldsAsync(() => Count(started) == 2);
        gates[1].SetResult("one");
        await Eventually.HoldsAsync(() => Count(started) == 3);
        Assert.Empty(reported);
        gates[0].SetException(new InvalidOperationException("boom"));
        gates[2].SetResult(null);
        gates[3].SetResult("three");
        gates[4].SetResult("four");
        gates[5].SetResult("five");
        await batch.WhenAllAsync().WaitAsync(Patience);

        Assert.Equal(2, maxRunning);
        Assert.Equal(["0: boom", "one", "three", "four", "five"], reported);
    }

    [Fact]
    public async Task CancellationBeforeAStartDropsTheItemWithoutHoldingUpTheRest()
    {
        using var cancel = new CancellationTokenSource();
        var reported = new List<string>();
        var batch = new OrderedBatch<string>(1, reported.Add, cancel.Token);
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        batch.Add((_, _) => gate.Task, (_, e) => e.Message);
        batch.Add((_, _) => Task.FromResult<string?>("never"), (_, e) => e.Message);
        cancel.Cancel();
        gate.SetResult("first");
        await batch.WhenAllAsync().WaitAsync(Patience);

        Assert.Equal(["first"], reported);
    }

    [Fact]
    public async Task CompletionEndsOnlyOnceAddingIsCompleteAndEveryItemHasEnded()
    {
        var reported = new List<string>();
        var batch = new OrderedBatch<string>(2, reported.Add, CancellationToken.None);
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        batch.Add((_, _) => Task.FromResult<string?>("first"), (_, e) => e.Message);
        await batch.WhenAllAsync().WaitAsync(Patience);
        Assert.False(batch.Completion.IsCompleted);

        batch.Add((_, _) => gate.Task, (_, e) => e.Message);
        batch.CompleteAdding();
        await Task.Delay(100);
        Assert.False(batch.Completion.IsCompleted);

        gate.SetResult("second");
        await batch.Completion.WaitAsync(Patience);
        Assert.Equal(["first", "second"], reported);
    }

    private static int Count(List<long> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
