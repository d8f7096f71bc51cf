using System.Globalization;

namespace CometRunway.Bench.Wait;

/// <summary>The results side by side, with the limit (one read per task per interval) and naive/engine ratios.</summary>
internal static class Report
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static void Print(IReadOnlyList<PhaseResult> results, BenchTasks tasks)
    {
        // The tasks' summed time from add to end state: requests per minute a task is actually running.
        var finishes = tasks.FinishOffsets();
        var runningMinutes = finishes.Sum(f => f.TotalMinutes);
        var ideal = IdealRequests.For(Interval, finishes);
        var rows = new (string Label, Func<PhaseResult, double> Value, double Limit, string Format)[]
        {
            ("succeeded", r => r.Succeeded, double.NaN, "0"),
            ("failed", r => r.Failed, double.NaN, "0"),
            ("wall after last task finished (s)", r => r.AfterLastFinished?.TotalSeconds ?? double.NaN, Interval.TotalSeconds, "0.00"),
            ("wall total (s)", r => r.Wall.TotalSeconds, double.NaN, "0.0"),
            ($"tasks noticed (of {tasks.Count})", r => r.Notice.Noticed, tasks.Count, "0"),
            ("notice delay, mean (s)", r => r.Notice.Mean.TotalSeconds, Interval.TotalSeconds / 2, "0.00"),
            ("notice delay, p95 (s)", r => r.Notice.P95.TotalSeconds, Interval.TotalSeconds * 0.95, "0.00"),
            ("notice delay, max (s)", r => r.Notice.Max.TotalSeconds, Interval.TotalSeconds, "0.00"),
            ("requests", r => r.Requests, ideal, "0"),
            ("requests / one read per task per 5 s", r => r.Requests / ideal, 1, "0.000"),
            ("requests per task", r => (double)r.Requests / tasks.Count, ideal / tasks.Count, "0.0"),
            ("requests per task-minute running", r => r.Requests / runningMinutes, ideal / runningMinutes, "0.0"),
            ("CPU, waiting process (s)", r => r.Cpu.TotalSeconds, double.NaN, "0.00"),
            ("CPU per request, waiting process (ms)", r => r.Cpu.TotalMilliseconds / r.Requests, double.NaN, "0.000"),
            ("CPU, emulator process (s)", r => r.EmulatorCpu.TotalSeconds, double.NaN, "0.00"),
            ("peak working set (MB)", r => r.PeakWorkingSet / 1048576.0, double.NaN, "0.0"),
            ("peak managed heap (MB)", r => r.PeakHeap / 1048576.0, double.NaN, "0.0"),
            ("allocated (MB)", r => r.AllocatedBytes / 1048576.0, double.NaN, "0.0"),
        };

        var engine = results[0];
        var naive = results.FirstOrDefault(r => r.Name == "naive");
        Console.WriteLine();
        Console.WriteLine("| metric | at the limit | " + string.Join(" | ", results.Select(r => r.Name)) + (naive is null ? " |" : " | naive / engine |"));
        Console.WriteLine("| --- | ---: | " + string.Join(" | ", results.Select(_ => "---:")) + (naive is null ? " |" : " | ---: |"));
        foreach (var (label, value, limit, format) in rows)
        {
            var line = $"| {label} | {Text(limit, format)} | " + string.Join(" | ", results.Select(r => Text(value(r), format))) + " |";
            if (naive is not null)
            {
                line += $" {Text(value(naive) / value(engine), "0.00")} |";
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine($"engine requests / one read per task per 5 s: {(engine.Requests / ideal).ToString("0.000", CultureInfo.InvariantCulture)}");
    }

    public static void PrintRead(ReadPhase.Figures batch, ReadPhase.Figures raw, double cpuRatio)
    {
        Console.WriteLine();
        Console.WriteLine($"Batch read of {batch.Ids / 20} ids, 8 in flight, twenty batches a round, median of 9 rounds by CPU (BatchTaskReader + RunwayClient vs raw HttpClient GET + JsonDocument.Parse):");
        Console.WriteLine();
        Console.WriteLine("| per id | batch read | raw HttpClient | batch / raw |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (label, value) in new (string, Func<ReadPhase.Figures, double>)[]
        {
            ("CPU, reading process (ms)", f => f.CpuMsPerId),
            ("wall (ms)", f => f.WallMsPerId),
            ("allocated (KB)", f => f.KbPerId),
        })
        {
            Console.WriteLine($"| {label} | {Text(value(batch), "0.000")} | {Text(value(raw), "0.000")} | {Text(value(batch) / value(raw), "0.00")} |");
        }

        Console.WriteLine();
        Console.WriteLine($"batch / raw CPU per id, median of the ratios of adjacent rounds: {cpuRatio.ToString("0.00", CultureInfo.InvariantCulture)}");
        Console.WriteLine();
    }

    private static string Text(double value, string format) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
