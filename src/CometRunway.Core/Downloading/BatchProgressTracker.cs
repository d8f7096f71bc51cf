using System.Diagnostics;

namespace CometRunway.Core.Downloading;

/// <summary>Adds up the files of one batch and reports the total at most once per interval, from any thread.</summary>
internal sealed class BatchProgressTracker
{
    private readonly Action<DownloadEvent> onEvent;
    private readonly int? filesTotal;
    private readonly long intervalTicks;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long bytesReceived;
    private long bytesExpected;
    private int unknownLengths;
    private int filesActive;
    private int filesFinished;
    private long nextReportTicks;

    public BatchProgressTracker(Action<DownloadEvent> onEvent, int? filesTotal, TimeSpan interval)
    {
        this.onEvent = onEvent;
        this.filesTotal = filesTotal;
        intervalTicks = Math.Max(1, (long)(interval.TotalSeconds * Stopwatch.Frequency));
    }

    public void Started(long? expectedBytes)
    {
        Interlocked.Increment(ref filesActive);
        if (expectedBytes is { } expected)
        {
            Interlocked.Add(ref bytesExpected, expected);
        }
        else
        {
            Interlocked.Increment(ref unknownLengths);
        }
    }

    public void Received(long bytes)
    {
        Interlocked.Add(ref bytesReceived, bytes);
        var now = clock.ElapsedTicks;
        var next = Interlocked.Read(ref nextReportTicks);
        if (now >= next && Interlocked.CompareExchange(ref nextReportTicks, now + intervalTicks, next) == next)
        {
            Report();
        }
    }

    public void Finished(bool wasStarted)
    {
        if (wasStarted)
        {
            Interlocked.Decrement(ref filesActive);
        }

        Interlocked.Increment(ref filesFinished);
    }

    public void Report()
    {
        var received = Interlocked.Read(ref bytesReceived);
        var seconds = clock.Elapsed.TotalSeconds;
        onEvent(new DownloadBatchProgress(
            Volatile.Read(ref filesFinished),
            filesTotal,
            Volatile.Read(ref filesActive),
            received,
            Volatile.Read(ref unknownLengths) == 0 ? Interlocked.Read(ref bytesExpected) : null,
            seconds > 0 ? received / seconds : 0));
    }
}
