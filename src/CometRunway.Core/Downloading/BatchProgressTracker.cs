using System.Diagnostics;

namespace CometRunway.Core.Downloading;

/// <summary>Adds up the files of one batch and reports the total at most once per interval, from any thread.</summary>
internal sealed class BatchProgressTracker
{
    private readonly Action<DownloadEvent> _onEvent;
    private readonly int? _filesTotal;
    private readonly long _intervalTicks;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytesReceived;
    private long _bytesExpected;
    private int _unknownLengths;
    private int _filesActive;
    private int _filesFinished;
    private long _nextReportTicks;

    public BatchProgressTracker(Action<DownloadEvent> onEvent, int? filesTotal, TimeSpan interval)
    {
        _onEvent = onEvent;
        _filesTotal = filesTotal;
        _intervalTicks = Math.Max(1, (long)(interval.TotalSeconds * Stopwatch.Frequency));
    }

    public void Started(long? expectedBytes)
    {
        Interlocked.Increment(ref _filesActive);
        if (expectedBytes is { } expected)
        {
            Interlocked.Add(ref _bytesExpected, expected);
        }
        else
        {
            Interlocked.Increment(ref _unknownLengths);
        }
    }

    public void Received(long bytes)
    {
        Interlocked.Add(ref _bytesReceived, bytes);
        var now = _clock.ElapsedTicks;
        var next = Interlocked.Read(ref _nextReportTicks);
        if (now >= next && Interlocked.CompareExchange(ref _nextReportTicks, now + _intervalTicks, next) == next)
        {
            Report();
        }
    }

    public void Finished(bool wasStarted)
    {
        if (wasStarted)
        {
            Interlocked.Decrement(ref _filesActive);
        }

        Interlocked.Increment(ref _filesFinished);
    }

    public void Report()
    {
        var received = Interlocked.Read(ref _bytesReceived);
        var seconds = _clock.Elapsed.TotalSeconds;
        _onEvent(new DownloadBatchProgress(
            Volatile.Read(ref _filesFinished),
            _filesTotal,
            Volatile.Read(ref _filesActive),
            received,
            Volatile.Read(ref _unknownLengths) == 0 ? Interlocked.Read(ref _bytesExpected) : null,
            seconds > 0 ? received / seconds : 0));
    }
}
