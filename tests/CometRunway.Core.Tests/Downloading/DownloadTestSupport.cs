using System.Collections.Concurrent;
using System.Security.Cryptography;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>A fresh directory under the temp folder, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cr-dl-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Every file left anywhere below, relative names.</summary>
    public string[] Files() => Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
        .Select(file => System.IO.Path.GetRelativePath(Path, file)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Collects engine events from any thread.</summary>
internal sealed class EventLog
{
    private readonly ConcurrentQueue<DownloadEvent> events = new();

    public Action<DownloadEvent> Sink => events.Enqueue;

    public IReadOnlyList<DownloadEvent> All => events.ToArray();

    public IReadOnlyList<T> Of<T>() where T : DownloadEvent => events.OfType<T>().ToArray();
}

/// <summary>An in-test task source (not a wire mock: the wire under test is the file host) that hands out fresh links.</summary>
internal sealed class FreshLinkTaskSource(Func<string, RunwayTask> read) : IRunwayTaskSource
{
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public List<RunwayTaskFormat> FormatsAsked { get; } = [];

    public Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        lock (FormatsAsked)
        {
            FormatsAsked.Add(format);
        }

        return Task.FromResult(read(id));
    }
}

internal static class DownloadTestKit
{
    public static RunwayDownloaderOptions FastOptions => new()
    {
        Retry = RetryPolicy.Downloads with { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        ProgressInterval = TimeSpan.FromMilliseconds(50),
    };

    public static RunwayTask SucceededTask(string id, params Uri[] outputs) => new()
    {
        Id = id,
        Format = RunwayTaskFormat.Feed,
        Status = RunwayTaskStatus.Succeeded,
        Output = outputs,
    };

    public static PlannedDownload PlanOne(string directory, Uri url, string? taskId = null, bool force = false, bool skipIdentical = false) =>
        new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = directory, Force = force, SkipIdentical = skipIdentical })
            .Plan(new DownloadRequest { Url = url, TaskId = taskId, TaskFormat = taskId is null ? null : RunwayTaskFormat.Feed });

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    public static T AssertFinished<T>(DownloadFinished finished) where T : DownloadFinished =>
        finished as T ?? throw new Xunit.Sdk.XunitException(
            $"Expected {typeof(T).Name} but got {finished}" + (finished is DownloadFailed failed ? $": {failed.Kind} {failed.Message}" : string.Empty));
}
