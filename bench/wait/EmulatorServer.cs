using System.Globalization;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Bench.Wait;

/// <summary>
/// The child side of <see cref="EmulatorProcess"/>: an emulator without request recording that answers
/// every task request the given latency late (server side, so every way of waiting pays it).
/// </summary>
internal static class EmulatorServer
{
    public static async Task<int> ServeAsync(BenchTasks tasks, TimeSpan latency)
    {
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { RecordRequests = false });
        if (latency > TimeSpan.Zero)
        {
            emulator.Faults.Add(FaultRule.Delay(latency).Always());
        }

        Console.WriteLine($"listening {emulator.BaseUri} {emulator.ApiKey}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts)
            {
                case ["add", var prefix]:
                    Add(emulator, tasks, prefix);
                    break;
                case ["add", var prefix, var count, var spread]:
                    Add(emulator, tasks with
                    {
                        Count = int.Parse(count, CultureInfo.InvariantCulture),
                        Spread = TimeSpan.FromSeconds(double.Parse(spread, CultureInfo.InvariantCulture)),
                    }, prefix);
                    break;
                case ["ready", var prefix, var count]:
                    emulator.Tasks.AddRange(Enumerable.Range(0, int.Parse(count, CultureInfo.InvariantCulture)).Select(i => EmulatedTask.Succeeded(BenchTasks.Id(prefix, i))));
                    Console.WriteLine("ready");
                    break;
                case ["quit"]:
                    return 0;
            }
        }

        return 0;
    }

    private static void Add(CometApiEmulator emulator, BenchTasks tasks, string prefix)
    {
        var added = DateTimeOffset.UtcNow;
        emulator.Tasks.AddRange(tasks.Emulated(prefix));
        Console.WriteLine($"added {added.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");
    }
}
