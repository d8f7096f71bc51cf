using CometRunway.Core.Downloading;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>A real static file host on 127.0.0.1 and a scratch directory per test.</summary>
public abstract class FileHostTestBase : IAsyncLifetime
{
    internal TempDirectory Directory { get; } = new();

    internal StaticFileHost Host { get; private set; } = null!;

    internal EventLog Events { get; } = new();

    public async Task InitializeAsync() => Host = await StaticFileHost.StartAsync();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Dispose();
    }

    internal async Task<DownloadFinished> DownloadAsync(
        PlannedDownload planned, RunwayDownloaderOptions? options = null, Core.Http.IRunwayTaskSource? taskSource = null, CancellationToken cancellationToken = default)
    {
        var downloader = new RunwayDownloader(options ?? DownloadTestKit.FastOptions, taskSource);
        return await downloader.DownloadAsync(planned, Events.Sink, cancellationToken);
    }

    internal PlannedDownload Plan(Uri url, string? taskId = "task1", bool force = false, bool skipIdentical = false) =>
        DownloadTestKit.PlanOne(Directory.Path, url, taskId, force, skipIdentical);

    internal void AssertNoAuthorizationReceived() =>
        Assert.All(Host.Requests, request => Assert.False(request.HadAuthorization, $"Authorization sent to {request.Path}"));

    internal void AssertNoPartialFiles() =>
        Assert.DoesNotContain(Directory.Files(), name => name.EndsWith(".partial", StringComparison.Ordinal));
}
