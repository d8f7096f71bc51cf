using System.Diagnostics;
using System.Globalization;
using CometRunway.Core.Downloading;

namespace CometRunway.Bench.Download;

/// <summary>
/// Downloads the URLs listed in a file with the Core engine and prints one line of figures:
/// <c>bytes=… seconds=… peak_rss_kib=… allocated_bytes=… files=…</c>. The clock covers the downloads only.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: CometRunway.Bench.Download <destination-dir> <throttle-limit> <file-with-urls> [buffer-kib|default] [warm-up-url]");
            return 2;
        }

        var destination = Path.GetFullPath(args[0]);
        var throttle = int.Parse(args[1], CultureInfo.InvariantCulture);
        var urls = File.ReadAllLines(args[2]).Where(line => line.Length > 0).Select(line => new Uri(line)).ToList();
        var bufferSize = args.Length > 3 && args[3] != "default" ? int.Parse(args[3], CultureInfo.InvariantCulture) * 1024 : new RunwayDownloaderOptions().BufferSize;

        var planner = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = destination, NameTemplate = "{Name}", Force = true });
        var planned = urls.Select(url => planner.Plan(new DownloadRequest { Url = url })).ToList();
        var downloader = new RunwayDownloader(new RunwayDownloaderOptions { ThrottleLimit = throttle, BufferSize = bufferSize });

        if (args.Length > 4)
        {
            // One small download first, not timed: the process's one-off JIT and connection setup are not throughput.
            var warmUpDirectory = Directory.CreateTempSubdirectory("cr-bench-warmup").FullName;
            var warmUp = new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = warmUpDirectory })
                .Plan(new DownloadRequest { Url = new Uri(args[4]) });
            await downloader.DownloadAsync(warmUp, onEvent: null, CancellationToken.None);
            Directory.Delete(warmUpDirectory, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        var results = await downloader.DownloadAllAsync(planned, onEvent: null, CancellationToken.None);
        clock.Stop();

        var failures = results.OfType<DownloadFailed>().ToList();
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"FAILED {failure.Download.Url}: {failure.Kind} {failure.Message}");
        }

        var bytes = results.OfType<DownloadCompleted>().Sum(completed => completed.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bytes={bytes} seconds={clock.Elapsed.TotalSeconds:F3} peak_rss_kib={PeakResidentKib()} allocated_bytes={GC.GetTotalAllocatedBytes()} files={results.Count}"));
        return failures.Count == 0 ? 0 : 1;
    }

    private static long PeakResidentKib()
    {
        // VmHWM: the peak resident set size of this process, in kB.
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024
            : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
