using System.Diagnostics;
using System.Globalization;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The emulator in a child process (this same program with <c>serve</c>), so the CPU and memory measured
/// here are the waiting side's only. Line protocol on stdin/stdout: <c>add &lt;prefix&gt;</c> answers
/// <c>added &lt;unix ms&gt;</c>; <c>quit</c> ends it.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process process;

    private EmulatorProcess(Process process, Uri baseUri, string apiKey)
    {
        this.process = process;
        BaseUri = baseUri;
        ApiKey = apiKey;
    }

    public Uri BaseUri { get; }

    public string ApiKey { get; }

    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<EmulatorProcess> StartAsync(BenchTasks tasks, TimeSpan latency)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under dotnet-trace the child would inherit the tracer's diagnostic port and wait for it forever.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        var entry = typeof(EmulatorProcess).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("WaitBench", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var argument in new[] { "serve", tasks.Count.ToString(CultureInfo.InvariantCulture), tasks.Spread.TotalSeconds.ToString(CultureInfo.InvariantCulture), tasks.Seed.ToString(CultureInfo.InvariantCulture), tasks.ProgressSteps.ToString(CultureInfo.InvariantCulture), latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        var banner = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended before listening.");
        var parts = banner.Split(' ');
        if (parts is not ["listening", var uri, var key])
        {
            throw new InvalidOperationException($"Unexpected line from the emulator process: {banner}");
        }

        return new EmulatorProcess(process, new Uri(uri), key);
    }

    /// <summary>
    /// Adds the task set under <paramref name="prefix"/> (or only <paramref name="subset"/>'s count and spread of it);
    /// returns when the emulator started their timelines.
    /// </summary>
    public async Task<DateTimeOffset> AddTasksAsync(string prefix, BenchTasks? subset = null)
    {
        await process.StandardInput.WriteLineAsync(subset is null
            ? $"add {prefix}"
            : $"add {prefix} {subset.Count.ToString(CultureInfo.InvariantCulture)} {subset.Spread.TotalSeconds.ToString(CultureInfo.InvariantCulture)}");
        await process.StandardInput.FlushAsync();
        var reply = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulator process ended.");
        return reply.Split(' ') is ["added", var ms]
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"Unexpected line from the emulator process: {reply}");
    }

    /// <summary>Adds <paramref name="count"/> already-succeeded tasks under <paramref name="prefix"/>, for the batch read.</summary>
    public async Task<IReadOnlyList<string>> AddReadyTasksAsync(string prefix, int count)
    {
        await process.StandardInput.WriteLineAsync($"ready {prefix} {count.ToString(CultureInfo.InvariantCulture)}");
        await process.StandardInput.FlushAsync();
        var reply = await process.StandardOutput.ReadLineAsync();
        return reply == "ready"
            ? Enumerable.Range(0, count).Select(i => BenchTasks.Id(prefix, i)).ToArray()
            : throw new InvalidOperationException($"Unexpected line from the emulator process: {reply}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.StandardInput.WriteLineAsync("quit");
            await process.StandardInput.FlushAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception) when (!process.HasExited)
        {
            process.Kill();
        }

        process.Dispose();
    }
}
