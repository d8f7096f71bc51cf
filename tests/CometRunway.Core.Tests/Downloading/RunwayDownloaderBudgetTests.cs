using System.Diagnostics;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator.Files;

namespace CometRunway.Core.Tests.Downloading;

/// <summary>Issue 10.7 and 10.8 (file hosts): retries within a time budget, the host's Retry-After, trickles.</summary>
public sealed class RunwayDownloaderBudgetTests : FileHostTestBase
{
    private static RunwayDownloaderOptions Budgeted(TimeSpan budget) => DownloadTestKit.FastOptions with
    {
        Retry = DownloadTestKit.FastOptions.Retry with { MaxAttempts = int.MaxValue, Budget = budget },
    };

    [Fact]
    public async Task AttemptsGoOnWhileTheBudgetLastsNotForAFixedCount()
    {
        var file = HostedFile.Generated(50_000, seed: 31);
        var url = Host.Add("/often-down.mp4", file with { FailFirstRequests = 7, FailureStatus = 503 });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url), Budgeted(TimeSpan.FromSeconds(20))));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Equal(8, completed.Attempts);
        Assert.Equal(8, Host.Requests.Count);
    }

    [Fact]
    public async Task TheFileHostsRetryAfterIsWaitedFor()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var times = new List<DateTimeOffset>();
        await using var host = await LoopbackServer.StartAsync(async (context, number) =>
        {
            lock (times)
            {
                times.Add(DateTimeOffset.UtcNow);
            }

            if (number == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(
            await DownloadAsync(Plan(new Uri(host.BaseUri, "ra.mp4")), Budgeted(TimeSpan.FromSeconds(20))));

        Assert.Equal(bytes, await File.ReadAllBytesAsync(completed.Path));
        Assert.Equal(TimeSpan.FromSeconds(1), Events.Of<DownloadRetrying>().Single().Delay);
        Assert.Equal(2, host.Requests);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(950), $"the retry came {(times[1] - times[0]).TotalMilliseconds} ms after the 503");
    }

    [Fact]
    public async Task ARetryAfterPastTheBudgetEndsTheDownloadAndSaysSo()
    {
        await using var host = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "5";
            return Task.CompletedTask;
        });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(
            await DownloadAsync(Plan(new Uri(host.BaseUri, "busy.mp4")), Budgeted(TimeSpan.FromSeconds(3))));

        Assert.Equal(DownloadErrorKind.HttpError, failed.Kind);
        Assert.Contains("failed after 1 attempt(s)", failed.Message);
        Assert.Contains("asked to wait 5 s before trying again, longer than the retry budget of 3 s allows", failed.Message);
        Assert.Equal(1, host.Requests);
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task ATricklingFileHostIsCutOffAndGivenUpWhenTheBudgetIsSpent()
    {
        var url = Host.Add("/trickle.mp4", HostedFile.Generated(100_000, seed: 32) with { BytesPerSecond = 5 });
        var options = Budgeted(TimeSpan.FromSeconds(2)) with { Stall = new StallRule(TimeSpan.FromMilliseconds(500), 1024) };
        var clock = Stopwatch.StartNew();

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), options));

        Assert.Equal(DownloadErrorKind.Network, failed.Kind);
        Assert.Matches(@"sent (only \d+ bytes in 0\.5 s \(at least 1024 expected\)|nothing for 0\.5 s)\. The retry budget of 2 s is spent\.$", failed.Message);
        // Each attempt gets a few bytes, resumed each time; none of them restarts the budget.
        Assert.InRange(Host.Requests.Count, 2, 12);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task ASlowButSteadyHostIsNotAStall()
    {
        // A first download warms the process up: the window also covers connecting, which JIT alone can make slow.
        DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(Host.Add("/warm.mp4", HostedFile.FromBytes([1])), taskId: "warm")));
        var file = HostedFile.Generated(60_000, seed: 33);
        var url = Host.Add("/steady.mp4", file with { BytesPerSecond = 20_000 });
        var options = DownloadTestKit.FastOptions with { Stall = new StallRule(TimeSpan.FromSeconds(1), 1024) };

        var completed = DownloadTestKit.AssertFinished<DownloadCompleted>(await DownloadAsync(Plan(url), options));

        Assert.Equal(file.Sha256Hex(), DownloadTestKit.Sha256Of(completed.Path));
        Assert.Empty(Events.Of<DownloadRetrying>());
        Assert.Equal(1, completed.Attempts);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(505)]
    public async Task AStatusOutsideTheOneTransientRuleIsNotRetried(int status)
    {
        var url = Host.Add($"/s{status}.mp4", HostedFile.Generated(1000, seed: 34) with { FailFirstRequests = 1, FailureStatus = status });

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url)));

        Assert.Equal(DownloadErrorKind.HttpError, failed.Kind);
        Assert.Contains($"HTTP {status}", failed.Message);
        Assert.Single(Host.Requests);
    }

    [Fact]
    public async Task AHostThatDropsAtTheSamePlaceWithoutValidatorsSpendsTheBudget()
    {
        // Code review 3: every attempt starts over and gets the same first bytes, far more than the stall rule's 16 KiB,
        // but the file is never further along than after the first: that is no progress, and the budget runs out.
        var url = Host.Add("/same-place.mp4", NoValidators(1_048_576, seed: 36) with { DropAfterBytes = 300_000, DropForFirstRequests = int.MaxValue });
        var options = Budgeted(TimeSpan.FromSeconds(1)) with { MaxWholeFileAttempts = int.MaxValue };
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), options, cancellationToken: safetyNet.Token));

        Assert.Equal(DownloadErrorKind.LengthMismatch, failed.Kind);
        Assert.Matches(@"ended after \d+ of 1048576 bytes\. The retry budget of 1 s is spent\.", failed.Message);
        Assert.Contains(Events.Of<DownloadRetrying>(), retry => ReceivedBeforeTheDrop(retry.Reason) > 16 * 1024);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public async Task AttemptsThatStartTheFileOverAreCappedEvenWhileTheBudgetLasts()
    {
        // A budget far longer than the test: only the cap on attempts that receive the file from its first byte ends it.
        var url = Host.Add("/from-zero.mp4", NoValidators(1_048_576, seed: 37) with { IgnoreRange = true, DropForFirstRequests = int.MaxValue, DropAfterBytes = 300_000 });
        var options = Budgeted(TimeSpan.FromMinutes(10)) with { MaxWholeFileAttempts = 3 };
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var failed = DownloadTestKit.AssertFinished<DownloadFailed>(await DownloadAsync(Plan(url), options, cancellationToken: safetyNet.Token));

        Assert.Equal(DownloadErrorKind.LengthMismatch, failed.Kind);
        Assert.Contains("after 3 attempt(s)", failed.Message);
        Assert.Contains("from its first byte 3 times", failed.Message);
        Assert.Equal(3, Host.Requests.Count);
        Assert.Empty(Directory.Files());
    }

    [Fact]
    public void DefaultsAreNamed()
    {
        var options = new RunwayDownloaderOptions();

        Assert.Equal(TimeSpan.FromMinutes(2), options.Retry.Budget);
        Assert.Equal(int.MaxValue, options.Retry.MaxAttempts);
        Assert.Equal(new StallRule(TimeSpan.FromSeconds(30), 16 * 1024), options.Stall);
        Assert.Equal(TimeSpan.FromSeconds(15), HttpClients.ConnectTimeout);
        Assert.Equal(8, options.MaxWholeFileAttempts);
    }

    private static long ReceivedBeforeTheDrop(string reason)
    {
        var match = System.Text.RegularExpressions.Regex.Match(reason, @"ended after (\d+) of");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static HostedFile NoValidators(long length, int seed) => HostedFile.Generated(length, seed) with { ETag = null, LastModified = null };
}
