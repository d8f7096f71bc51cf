using System.Diagnostics;

namespace CometRunway.Core.Downloading;

/// <summary>Measures one file's transfer for progress reports: a smoothed rate and the time left, at most once per interval.</summary>
internal sealed class TransferMeter(TimeSpan interval)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastReportTicks;
    private long bytesAtLastReport;
    private double rate;

    /// <summary>Whether a report is due (always when <paramref name="force"/>); when it is, the rate and time left.</summary>
    public bool TryMeasure(long received, long? total, bool force, out double bytesPerSecond, out TimeSpan? remaining)
    {
        var now = clock.ElapsedTicks;
        var elapsed = (now - lastReportTicks) / (double)Stopwatch.Frequency;
        if (!force && elapsed < interval.TotalSeconds)
        {
            bytesPerSecond = rate;
            remaining = null;
            return false;
        }

        if (elapsed > 0)
        {
            var instant = (received - bytesAtLastReport) / elapsed;
            rate = rate == 0 ? instant : (0.7 * instant) + (0.3 * rate);
        }

        lastReportTicks = now;
        bytesAtLastReport = received;
        bytesPerSecond = rate;
        remaining = total is { } length && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, length - received) / rate) : null;
        return true;
    }

    /// <summary>The file starts over: the next rate is measured from zero bytes.</summary>
    public void Restart() => bytesAtLastReport = 0;
}
