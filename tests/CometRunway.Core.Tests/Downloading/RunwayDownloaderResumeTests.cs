using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Dropped connections, stalls, servers without ranges, files that change between attempts, lying lengths.</summary>
public sealed class RunwayDownloaderResumeTests : FileHostTestBase
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task DroppedConnectionsResumeWithRangeAndIfRangeToAnIdenticalFile()
    {
        var file = HostedFile.Generated(4 * MiB + 3, seed: 11);
        var url = Host.Add("/r.mp4", file with { DropAfterBytes = (3 * MiB) / 2, DropForFirstRequests = 2 });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(3, completed.Attempts);
        var requests = Host.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0].Range);
        // The host aborts after sending 1.5 MiB per response; an abort can discard bytes still in flight, so
        // the client resumes from what it actually wrote: more than nothing, at most what was sent.
        var first = ResumeOffset(requests[1].Range);
        var second = ResumeOffset(requests[2].Range);
        Assert.InRange(first, 1, (3 * MiB) / 2);
        Assert.InRange(second, first + 1, first + ((3 * MiB) / 2));
        Assert.All(requests.Skip(1), request => Assert.Equal(file.ETag, request.IfRange));
        Assert.Equal(2, Events.Of<DownloadRetrying>().Count);
        AssertNoPartialFiles();
        AssertNoAuthorizationReceived();
    }

    [Fact]
    public async Task WithoutAnETagResumeUsesLastModified()
    {
        var file = HostedFile.Generated(2 * MiB, seed: 12) with { ETag = null };
        var url = Host.Add("/lm.mp4", file with { DropAfterBytes = MiB });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        var resumed = Host.Requests[1];
        Assert.InRange(ResumeOffset(resumed.Range), 1, MiB);
        Assert.Equal(DateTimeOffset.Parse(resumed.IfRange!, System.Globalization.CultureInfo.InvariantCulture), file.LastModified);
    }

    [Fact]
    public async Task ServerIgnoringRangesMeansStartingOver()
    {
        var file = HostedFile.Generated(2 * MiB, seed: 13);
        var url = Host.Add("/norange.mp4", file with { IgnoreRange = true, DropAfterBytes = MiB + 5 });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(file.Length, new FileInfo(completed.Path).Length);
        Assert.Equal(2, Host.Requests.Count);
    }

    [Fact]
    public async Task FileChangedBetweenAttemptsIsDownloadedAgainFromTheStart()
    {
        var original = HostedFile.Generated(2 * MiB, seed: 14);
        var changed = HostedFile.Generated(2 * MiB + 100, seed: 15) with { ETag = "\"v2\"" };
        var url = Host.Add("/changes.mp4", original with { DropAfterBytes = MiB, ReplacementAfterFirstRequest = changed });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        // If-Range carried the old ETag, so the server sent the whole new file, and only the new file was kept.
        Assert.Equal(original.ETag, Host.Requests[1].IfRange);
        Assert.Equal(changed.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(changed.Length, completed.Length);
    }

    [Fact]
    public async Task AHostIgnoringIfRangeThatServesTheRestOfAChangedFileIsNotSplicedIn()
    {
        var original = HostedFile.Generated(2 * MiB, seed: 19);
        var changed = HostedFile.Generated(2 * MiB, seed: 20) with { ETag = "\"v2\"" };
        var url = Host.Add("/ignores-if-range.mp4", original with { DropAfterBytes = MiB, IgnoreIfRange = true, ReplacementAfterFirstRequest = changed });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        // The 206 carried another ETag: its bytes were dropped and the whole new file fetched from byte 0.
        Assert.Equal(changed.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(changed.Length, completed.Length);
        Assert.Null(Host.Requests[^1].Range);
        Assert.Contains(Events.Of<DownloadRetrying>(), retry => retry.Reason.Contains("another version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostIgnoringIfRangeWhoseTotalLengthChangedIsNotSplicedIn()
    {
        var original = HostedFile.Generated(2 * MiB, seed: 21);
        var longer = HostedFile.Generated(2 * MiB + 1000, seed: 22) with { ETag = original.ETag };
        var url = Host.Add("/longer.mp4", original with { DropAfterBytes = MiB, IgnoreIfRange = true, ReplacementAfterFirstRequest = longer });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(longer.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(longer.Length, completed.Length);
        Assert.Null(Host.Requests[^1].Range);
    }

    [Fact]
    public async Task WithoutAnETagAChangedLastModifiedOnTheRestIsNotSplicedIn()
    {
        var original = HostedFile.Generated(2 * MiB, seed: 23) with { ETag = null };
        var changed = HostedFile.Generated(2 * MiB, seed: 24) with { ETag = null, LastModified = original.LastModified!.Value.AddHours(1) };
        var url = Host.Add("/lm-changed.mp4", original with { DropAfterBytes = MiB, IgnoreIfRange = true, ReplacementAfterFirstRequest = changed });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url)));

        Assert.Equal(changed.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
    }

    [Fact]
    public async Task StalledTransferTimesOutAndResumes()
    {
        var file = HostedFile.Generated(MiB, seed: 16);
        var url = Host.Add("/stall.mp4", file with { StallAfterBytes = 300_000 });
        var options = DownloadTestKit.FastOptions with { Stall = new StallRule(TimeSpan.FromMilliseconds(400), 1) };

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url), options));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Contains("sent nothing", Events.Of<DownloadRetrying>().Single().Reason);
        Assert.Equal("bytes=300000-", Host.Requests[1].Range);
    }

    [Fact]
    public async Task BodyShorterThanDeclaredFailsAsLengthMismatchWithNothingLeft()
    {
        var url = Host.Add("/liar.mp4", HostedFile.Generated(100_000, seed: 17) with { DeclaredLengthExtra = 5_000, IgnoreRange = true });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));

        Assert.Equal(DownloadErrorKind.LengthMismatch, failed.Kind);
        Assert.Matches(@"ended after \d+ of 105000 bytes", failed.Message);
        Assert.Equal(DownloadTestKit.FastOptions.Retry.MaxAttempts, Host.Requests.Count);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task ConnectionThatAlwaysDropsGivesUpAfterTheBoundedAttempts()
    {
        var url = Host.Add("/drops.mp4", HostedFile.Generated(MiB, seed: 18) with { DropAfterBytes = 1000, DropForFirstRequests = int.MaxValue, IgnoreRange = true });
        var options = DownloadTestKit.FastOptions with { Retry = DownloadTestKit.FastOptions.Retry with { MaxAttempts = 3 } };

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), options));

        Assert.Contains("after 3 attempt(s)", failed.Message);
        Assert.Equal(3, Host.Requests.Count);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task UnreachableHostIsANetworkError()
    {
        var port = Host.BaseAddress.Port;
        await Host.DisposeAsync();
        var url = new Uri($"http://127.0.0.1:{port}/gone.mp4");

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), DownloadTestKit.FastOptions with { Retry = DownloadTestKit.FastOptions.Retry with { MaxAttempts = 2 } }));

        Assert.Equal(DownloadErrorKind.Network, failed.Kind);
        Assert.Empty(Directory.Files());
    }

    /// <summary>The N of a "bytes=N-" Range header.</summary>
    private static long ResumeOffset(string? range)
    {
        Assert.NotNull(range);
        Assert.Matches(@"^bytes=\d+-$", range);
        return long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
