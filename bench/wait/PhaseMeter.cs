using System.Diagnostics;

namespace CometRunway.Bench.Wait;

/// <summary>CPU time, allocations and the peak of working set and managed heap over one phase (sampled every 50 ms).</summary>
internal sealed class PhaseMeter : IAsyncDisposable
{
    private readonly Process self = Process.GetCurrentProcess();
    private readonly CancellationTokenSource stop = new();
    private readonly TimeSpan cpuAtStart;
    private readonly long allocatedAtStart;
    private readonly Task sampler;
    private long peakWorkingSet;
    private long peakHeap;

    public PhaseMeter()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        self.Refresh();
        cpuAtStart = self.TotalProcessorTime;
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        sampler = SampleAsync();
    }

    public TimeSpan Cpu { get; private set; }

    public long AllocatedBytes { get; private set; }

    public long PeakWorkingSet => Interlocked.Read(ref peakWorkingSet);

    public long PeakHeap => Interlocked.Read(ref peakHeap);

    public async Task StopAsync()
    {
        stop.Cancel();
        await sampler;
        Sample();
        self.Refresh();
        Cpu = self.TotalProcessorTime - cpuAtStart;
        AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        Max(ref peakWorkingSet, Environment.WorkingSet);
        Max(ref peakHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long location, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref location)) && Interlocked.CompareExchange(ref location, value, seen) != seen)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Dispose();
        self.Dispose();
        return ValueTask.CompletedTask;
    }
}
