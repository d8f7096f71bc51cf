using System.Globalization;

namespace CometRunway.Bench.Wait;

/// <summary>The results side by side, with naive/engine ratios.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<PhaseResult> results, BenchTasks tasks)
    {
        // The tasks' summed time from add to end state: requests per minute a task is actually running.
        var runningMinutes = tasks.FinishOffsets().Sum(f => f.TotalMinutes);
        var rows = new (string Label, Func<PhaseResult, double> Value, string Format)[]
        {
            ("succeeded", r => r.Succeeded, "0"),
            ("failed", r => r.Failed, "0"),
            ("wall after last task finished (s)", r => r.AfterLastFinished?.TotalSeconds ?? double.NaN, "0.00"),
            ("wall total (s)", r => r.Wall.TotalSeconds, "0.0"),
            ($"tasks noticed (of {tasks.Count})", r => r.Notice.Noticed, "0"),
            ("notice delay, mean (s)", r => r.Notice.Mean.TotalSeconds, "0.00"),
            ("notice delay, p95 (s)", r => r.Notice.P95.TotalSeconds, "0.00"),
            ("notice delay, max (s)", r => r.Notice.Max.TotalSeconds, "0.00"),
            ("requests", r => r.Requests, "0"),
            ("requests per task", r => (double)r.Requests / tasks.Count, "0.0"),
            ("requests per task-minute running", r => r.Requests / runningMinutes, "0.0"),
            ("ideal requests for its schedule", r => r.IdealRequests ?? double.NaN, "0"),
            ("CPU, waiting process (s)", r => r.Cpu.TotalSeconds, "0.00"),
            ("CPU, emulator process (s)", r => r.EmulatorCpu.TotalSeconds, "0.00"),
            ("peak working set (MB)", r => r.PeakWorkingSet / 1048576.0, "0.0"),
            ("peak managed heap (MB)", r => r.PeakHeap / 1048576.0, "0.0"),
            ("allocated (MB)", r => r.AllocatedBytes / 1048576.0, "0.0"),
        };

        var engine = results[0];
        var naive = results.Count > 1 ? results[1] : null;
        Console.WriteLine();
        Console.WriteLine($"| metric | engine | {(naive is null ? string.Empty : "naive | naive / engine |")}");
        Console.WriteLine($"| --- | ---: | {(naive is null ? string.Empty : "---: | ---: |")}");
        foreach (var (label, value, format) in rows)
        {
            var line = $"| {label} | {Text(value(engine), format)} |";
            if (naive is not null)
            {
                var ratio = value(naive) / value(engine);
                line += $" {Text(value(naive), format)} | {Text(ratio, "0.00")} |";
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine($"engine requests / ideal: {(engine.Requests / engine.IdealRequests!.Value).ToString("0.000", CultureInfo.InvariantCulture)}");
    }

    public static void PrintRead(ReadPhase.Figures batch, ReadPhase.Figures raw, double cpuRatio)
    {
        Console.WriteLine();
        Console.WriteLine($"Batch read of {batch.Ids / 10} ids, 8 in flight, ten batches a round, median of 5 rounds by CPU (BatchTaskReader + RunwayClient vs raw HttpClient GET + JsonDocument.Parse):");
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
