using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The reference for CPU per poll: a raw <see cref="HttpClient"/> GET plus <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// at the engine's own request rate, issued the way the engine issues them (all the requests of each 50 ms step
/// together), for the same ids on the same emulator. What a poll costs depends on how dense the requests are (each
/// wake of a thread costs CPU on this machine), so the engine is compared at its own density, not with a batch.
/// </summary>
internal static class PacedRawPhase
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public sealed record Figures(long Requests, TimeSpan Cpu)
    {
        public double CpuMsPerRequest => Cpu.TotalMilliseconds / Requests;
    }

    public static async Task<Figures> RunAsync(EmulatorProcess emulator, IReadOnlyList<string> ids, double requestsPerSecond, TimeSpan duration)
    {
        using var http = new HttpClient();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        long sent = 0;
        using var timer = new PeriodicTimer(Step);
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            var due = (long)(clock.Elapsed.TotalSeconds * requestsPerSecond);
            for (; sent < due; sent++)
            {
                running.Add(ReadAsync(http, emulator, ids[(int)(sent % ids.Count)]));
            }
        }

        await Task.WhenAll(running);
        self.Refresh();
        return new Figures(sent, self.TotalProcessorTime - cpu);
    }

    private static async Task ReadAsync(HttpClient http, EmulatorProcess emulator, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "runwayml/v1/tasks/" + Uri.EscapeDataString(id)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || !document.RootElement.TryGetProperty("status", out _))
        {
            throw new InvalidOperationException($"The reference read of {id} failed: HTTP {(int)response.StatusCode}.");
        }
    }
}
