using System.Globalization;
using CometRunway.Bench.Wait;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;

var tasks = new BenchTasks(1000, TimeSpan.FromSeconds(60), 20250101);
if (args is ["serve", var count, var spread, var seed, var steps, var latencyMs])
{
    return await EmulatorServer.ServeAsync(
        new BenchTasks(
            int.Parse(count, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(spread, CultureInfo.InvariantCulture)),
            int.Parse(seed, CultureInfo.InvariantCulture),
            int.Parse(steps, CultureInfo.InvariantCulture)),
        TimeSpan.FromMilliseconds(double.Parse(latencyMs, CultureInfo.InvariantCulture)));
}

const string Usage = "Usage: WaitBench [--tasks N] [--spread seconds] [--seed S] [--latency ms] [--naive-sleep seconds] [--naive-budget seconds] [--skip-naive] [--skip-cadence-only] [--progress-steps N] [--read-ids N] [--read-only] [--skip-read] [--cadence-first]";
var naiveSleep = TimeSpan.FromSeconds(10);
TimeSpan? naiveBudget = null;
var latency = TimeSpan.Zero;
var skipNaive = false;
var readOnly = false;
var skipCadenceOnly = false;
var skipRead = false;
var cadenceFirst = false;
var readIds = 500;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--tasks":
                tasks = tasks with { Count = Positive(int.Parse(args[++i], CultureInfo.InvariantCulture), "--tasks") };
                break;
            case "--spread":
                tasks = tasks with { Spread = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
                break;
            case "--seed":
                tasks = tasks with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                break;
            case "--latency":
                latency = TimeSpan.FromMilliseconds(NotNegative(double.Parse(args[++i], CultureInfo.InvariantCulture), "--latency"));
                break;
            case "--naive-sleep":
                naiveSleep = TimeSpan.FromSeconds(NotNegative(double.Parse(args[++i], CultureInfo.InvariantCulture), "--naive-sleep"));
                break;
            case "--naive-budget":
                naiveBudget = TimeSpan.FromSeconds(Positive(double.Parse(args[++i], CultureInfo.InvariantCulture), "--naive-budget"));
                break;
            case "--skip-naive":
                skipNaive = true;
                break;
            case "--skip-cadence-only":
                skipCadenceOnly = true;
                break;
            case "--progress-steps":
                tasks = tasks with { ProgressSteps = Positive(int.Parse(args[++i], CultureInfo.InvariantCulture), "--progress-steps") };
                break;
            case "--cadence-first":
                cadenceFirst = true;
                break;
            case "--skip-read":
                skipRead = true;
                break;
            case "--read-only":
                readOnly = true;
                break;
            case "--read-ids":
                readIds = Positive(int.Parse(args[++i], CultureInfo.InvariantCulture), "--read-ids");
                break;
            default:
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
                return 2;
        }
    }
}
catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
{
    Console.Error.WriteLine($"Bad arguments: {(e is IndexOutOfRangeException ? "an option is missing its value" : e.Message)}. {Usage}");
    return 2;
}

Console.WriteLine($"{tasks.Count} tasks finishing uniformly over 2..{tasks.Spread.TotalSeconds:0} s (seed {tasks.Seed}), one in ten failing, progress reported in {tasks.ProgressSteps} steps; emulator in a child process, request recording off.");
Console.WriteLine($"server latency: every task request answered {latency.TotalMilliseconds:0} ms late (emulator side, both phases); naive sleep {naiveSleep.TotalSeconds:0.#} s, "
    + (naiveBudget is { } budget ? $"naive wall budget {budget.TotalSeconds:0} s." : "no naive wall budget."));
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, shared with other work; {MachineLoad.Describe()} at start.");
await using var emulator = await EmulatorProcess.StartAsync(tasks, latency);
var client = new RunwayClient(
    new CometApiConnection(emulator.BaseUri, ApiKey.FromString(emulator.ApiKey)),
    new RunwayClientOptions { Retry = RetryPolicy.None });

// Warm-up, not measured: JIT and connection pools on both sides, through both ways of waiting, with tasks that run,
// report progress and end (so no code path is compiled for the first time inside a measured phase).
var warmIds = await emulator.AddReadyTasksAsync("w", 50);
var warmTasks = tasks with { Count = 50, Spread = TimeSpan.FromSeconds(8) };
await emulator.AddTasksAsync("x", warmTasks);
var warmWaiter = new CometRunway.Core.Waiting.RunwayTaskWaiter(client, _ => { });
foreach (var id in warmIds.Concat(warmTasks.Ids("x")))
{
    warmWaiter.Add(id);
}

warmWaiter.CompleteAdding();
await warmWaiter.RunAsync(CancellationToken.None);
foreach (var id in warmIds)
{
    await client.GetTaskAsync(id, CometRunway.Core.Tasks.RunwayTaskFormat.Official, CancellationToken.None);
}

if (!skipRead && latency > TimeSpan.Zero)
{
    // The batch read is the loopback comparison: at 100 ms it would take minutes and measure the latency.
    Console.WriteLine("  batch read skipped: it compares on the loopback server, run it with --latency 0.");
}
else if (!skipRead)
{
    var (batch, raw, cpuRatio) = await ReadPhase.RunAsync(emulator, new RunwayClient(
        new CometApiConnection(emulator.BaseUri, ApiKey.FromString(emulator.ApiKey))), readIds, concurrency: 8, rounds: 9);
    Report.PrintRead(batch, raw, cpuRatio);
    Console.WriteLine($"  {MachineLoad.Describe()} after the read phase");
}

if (readOnly)
{
    return 0;
}

PhaseResult? cadenceOnly = null;
if (cadenceFirst)
{
    // The phase order swapped, to tell an effect of running first from one of the early reads.
    cadenceOnly = await EnginePhase.RunAsync(emulator, client, tasks, earlyReads: false, "cadence only", "c");
    Console.WriteLine($"  {MachineLoad.Describe()} after the cadence-only phase");
}

var results = new List<PhaseResult> { await EnginePhase.RunAsync(emulator, client, tasks, earlyReads: true, "engine", "e") };
Console.WriteLine($"  {MachineLoad.Describe()} after the engine phase");

// The same request rate from a raw HttpClient, for CPU per poll against a reference at the same density.
var engineRate = results[0].Requests / results[0].Wall.TotalSeconds;
var paced = await PacedRawPhase.RunAsync(emulator, warmIds, engineRate, TimeSpan.FromSeconds(20));
Console.WriteLine($"  raw HttpClient at the engine's rate ({engineRate:0} requests/s, 20 s): {paced.Requests} requests, CPU {paced.Cpu.TotalSeconds:0.00} s, "
    + $"{paced.CpuMsPerRequest:0.000} ms per request; engine / raw CPU per request: {results[0].Cpu.TotalMilliseconds / results[0].Requests / paced.CpuMsPerRequest:0.00}");
Console.WriteLine($"  {MachineLoad.Describe()} after the paced reference");
if (cadenceOnly is not null)
{
    results.Add(cadenceOnly);
}
else if (!skipCadenceOnly)
{
    results.Add(await EnginePhase.RunAsync(emulator, client, tasks, earlyReads: false, "cadence only", "c"));
    Console.WriteLine($"  {MachineLoad.Describe()} after the cadence-only phase");
}

if (!skipNaive)
{
    results.Add(await NaivePhase.RunAsync(emulator, client, tasks, naiveSleep, naiveBudget));
    Console.WriteLine($"  {MachineLoad.Describe()} after the naive phase");
}

Report.Print(results, tasks);
return 0;

static T Positive<T>(T value, string option) where T : System.Numerics.INumber<T> =>
    value > T.Zero ? value : throw new FormatException($"{option} must be greater than 0");

static T NotNegative<T>(T value, string option) where T : System.Numerics.INumber<T> =>
    value >= T.Zero ? value : throw new FormatException($"{option} must not be negative");
