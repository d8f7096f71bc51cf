using System.Globalization;
using CometRunway.Bench.Wait;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;

var tasks = new BenchTasks(1000, TimeSpan.FromSeconds(60), 20250101);
if (args is ["serve", var count, var spread, var seed])
{
    return await EmulatorServer.ServeAsync(new BenchTasks(
        int.Parse(count, CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(spread, CultureInfo.InvariantCulture)),
        int.Parse(seed, CultureInfo.InvariantCulture)));
}

var naiveSleep = TimeSpan.FromSeconds(10);
var skipNaive = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--tasks":
            tasks = tasks with { Count = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--spread":
            tasks = tasks with { Spread = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
            break;
        case "--seed":
            tasks = tasks with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
            break;
        case "--naive-sleep":
            naiveSleep = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--skip-naive":
            skipNaive = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: WaitBench [--tasks N] [--spread seconds] [--seed S] [--naive-sleep seconds] [--skip-naive]");
            return 2;
    }
}

Console.WriteLine($"{tasks.Count} tasks finishing uniformly over 2..{tasks.Spread.TotalSeconds:0} s (seed {tasks.Seed}), one in ten failing; emulator in a child process, request recording off.");
await using var emulator = await EmulatorProcess.StartAsync(tasks);
var client = new RunwayClient(
    new CometApiConnection(emulator.BaseUri, ApiKey.FromString(emulator.ApiKey)),
    new RunwayClientOptions { Retry = RetryPolicy.None });

// Warm-up, not measured: JIT and connection pools on both sides, through both ways of waiting.
var warmIds = await emulator.AddWarmUpTasksAsync("w");
var warmWaiter = new CometRunway.Core.Waiting.RunwayTaskWaiter(client);
foreach (var id in warmIds)
{
    warmWaiter.Add(id);
}

warmWaiter.CompleteAdding();
await warmWaiter.RunAsync(CancellationToken.None);
foreach (var id in warmIds)
{
    await client.GetTaskAsync(id, CometRunway.Core.Tasks.RunwayTaskFormat.Official, CancellationToken.None);
}

var results = new List<PhaseResult> { await EnginePhase.RunAsync(emulator, client, tasks) };
if (!skipNaive)
{
    results.Add(await NaivePhase.RunAsync(emulator, client, tasks, naiveSleep));
}

Report.Print(results, tasks);
return 0;
