using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CometRunway.Core.Http;
using CometRunway.Core.Reading;
using CometRunway.Core.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// A batch read of many ids, as Get-RunwayTask does it (<see cref="BatchTaskReader"/> over <see cref="RunwayClient"/>),
/// against the reference: a raw <see cref="HttpClient"/> GET plus <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// per id, with the same number in flight, on the same emulator. Rounds alternate so both see the same machine.
/// </summary>
internal static class ReadPhase
{
    public sealed record Figures(string Name, int Ids, TimeSpan Cpu, TimeSpan Wall, long Allocated)
    {
        public double CpuMsPerId => Cpu.TotalMilliseconds / Ids;

        public double WallMsPerId => Wall.TotalMilliseconds / Ids;

        public double KbPerId => Allocated / 1024.0 / Ids;
    }

    /// <summary>Each measured round reads the ids this many times (a fresh batch each time), so a round lasts
    /// long enough for the process CPU clock (10 ms ticks) to be read to about 1 %.</summary>
    private const int PassesPerRound = 20;

    public static async Task<(Figures Batch, Figures Raw, double CpuRatio)> RunAsync(EmulatorProcess emulator, RunwayClient client, int count, int concurrency, int rounds)
    {
        var ids = await emulator.AddReadyTasksAsync("r", count);
        using var raw = new HttpClient();

        // Warm-up of both ways, not measured.
        await BatchAsync(client, ids, concurrency);
        await RawAsync(raw, emulator, ids, concurrency);

        var batch = new List<Figures>();
        var reference = new List<Figures>();
        for (var round = 0; round < rounds; round++)
        {
            batch.Add(await MeasureAsync("batch", ids.Count, () => BatchAsync(client, ids, concurrency)));
            reference.Add(await MeasureAsync("raw", ids.Count, () => RawAsync(raw, emulator, ids, concurrency)));
        }

        // Medians: one round that another process on the machine disturbed does not decide. The ratio is the
        // median of the ratios of adjacent rounds, which saw nearly the same machine.
        var ratios = batch.Zip(reference, (b, r) => b.Cpu / r.Cpu).Order().ToList();
        return (Median(batch), Median(reference), ratios[ratios.Count / 2]);
    }

    private static Figures Median(List<Figures> rounds) => rounds.OrderBy(f => f.Cpu).ElementAt(rounds.Count / 2);

    private static async Task<Figures> MeasureAsync(string name, int ids, Func<Task> pass)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < PassesPerRound; i++)
        {
            await pass();
        }

        wall.Stop();
        self.Refresh();
        return new Figures(name, ids * PassesPerRound, self.TotalProcessorTime - cpu, wall.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static async Task BatchAsync(RunwayClient client, IReadOnlyList<string> ids, int concurrency)
    {
        var read = 0;
        var reader = new BatchTaskReader(client, concurrency, outcome =>
        {
            if (outcome is ReadEvent.Read)
            {
                read++;
            }
        }, CancellationToken.None);
        foreach (var id in ids)
        {
            reader.Add(id, RunwayTaskFormat.Official);
        }

        await reader.WhenAllAsync();
        Check(read, ids.Count);
    }

    private static async Task RawAsync(HttpClient http, EmulatorProcess emulator, IReadOnlyList<string> ids, int concurrency)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var read = 0;
        await Task.WhenAll(ids.Select(async id =>
        {
            await slots.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "runwayml/v1/tasks/" + Uri.EscapeDataString(id)));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                using var document = JsonDocument.Parse(body);
                if (response.IsSuccessStatusCode && document.RootElement.TryGetProperty("status", out _))
                {
                    Interlocked.Increment(ref read);
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        Check(read, ids.Count);
    }

    private static void Check(int read, int expected)
    {
        if (read != expected)
        {
            throw new InvalidOperationException($"Only {read} of {expected} reads succeeded; the comparison would be meaningless.");
        }
    }
}
