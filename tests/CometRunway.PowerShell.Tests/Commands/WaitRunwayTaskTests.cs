using System.Diagnostics;
using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Commands;

[Collection(HostedCollection.Name)]
public sealed class WaitRunwayTaskTests : IClassFixture<EmulatorHostFixture>
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base -PollIntervalSec 1";
    private readonly EmulatorHostFixture fixture;
    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public WaitRunwayTaskTests(EmulatorHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
        fixture.Emulator.Reset();
    }

    [Fact]
    public void WritesTasksAsTheySucceedAndReportsFailuresAsErrors()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("ok-1", TimeSpan.FromSeconds(1)));
        fixture.Emulator.Tasks.Add(EmulatedTask.Fails("bad-1", "Prompt was flagged", "SAFETY.INPUT.TEXT"));

        var result = fixture.Run($"'ok-1', 'bad-1', 'ok-1' | Wait-RunwayTask {Connection}");

        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        Assert.Equal(("ok-1", RunwayTaskStatus.Succeeded), (task.Id, task.Status));
        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayTaskFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal("bad-1", Assert.IsType<RunwayTask>(error.TargetObject).Id);
        Assert.Contains("Prompt was flagged", error.ErrorDetails.Message);
        Assert.Contains("SAFETY.INPUT.TEXT", error.ErrorDetails.Message);
    }

    [Fact]
    public void IncludeFailedAlsoWritesFailedTasks()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Cancelled("gone"));

        var result = fixture.Run($"Wait-RunwayTask gone -IncludeFailed {Connection}");

        Assert.Equal(RunwayTaskStatus.Cancelled, Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Status);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void ErrorActionStopFailsTheRunbookOnTheFirstFailure()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Fails("bad-2", "Bad output", "INTERNAL.BAD_OUTPUT.CODE01"));

        var result = fixture.Run($"try {{ Wait-RunwayTask bad-2 -ErrorAction Stop {Connection}; 'not reached' }} catch {{ 'caught ' + $_.FullyQualifiedErrorId }}");

        Assert.Equal("caught RunwayTaskFailed,CometRunway.PowerShell.Commands.WaitRunwayTaskCommand", Assert.Single(result.Output));
    }

    [Fact]
    public void TaskObjectsKeepTheirRoute()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("feed-7", TimeSpan.FromSeconds(1)));

        var result = fixture.Run($"Get-RunwayFeedTask feed-7 -ApiKey $Key -BaseUri $Base | Wait-RunwayTask {Connection}");

        Assert.Equal(RunwayTaskFormat.Feed, Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Format);
        Assert.All(fixture.Emulator.Requests, r => Assert.Equal("/runway/feed", r.Path));
    }

    [Fact]
    public void TimeoutGivesOneOperationTimeoutErrorPerUnfinishedTask()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("stuck-1"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Running("stuck-2", 0.4));

        var result = fixture.Run($"Wait-RunwayTask stuck-1, stuck-2 -Timeout 2 {Connection}");

        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
        Assert.Contains(result.Errors, e => e.ErrorDetails.Message.Contains("stuck-1") && e.ErrorDetails.Message.Contains("PENDING"));
        Assert.Contains(result.Errors, e => e.ErrorDetails.Message.Contains("stuck-2") && e.ErrorDetails.Message.Contains("RUNNING"));
    }

    [Fact]
    public void AnyReturnsWhenTheFirstTaskFinishes()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("slow"));
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("quick", TimeSpan.FromSeconds(1)));

        var result = fixture.Run($"Wait-RunwayTask slow, quick -Any -Timeout 60 {Connection}");

        Assert.Equal("quick", Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Id);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ProgressHasAParentAndChildrenAndEveryRecordIsCompleted()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("p-1", TimeSpan.FromSeconds(3)));
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("p-2", TimeSpan.FromSeconds(2)));

        var result = fixture.Run($"Wait-RunwayTask p-1, p-2 {Connection}");

        Assert.Equal(2, result.Output.Count);
        var parent = result.Progress.First(p => p.ParentActivityId < 0);
        Assert.Contains(result.Progress, p => p.ParentActivityId == parent.ActivityId);
        foreach (var id in result.Progress.Select(p => p.ActivityId).Distinct())
        {
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last(p => p.ActivityId == id).RecordType);
        }
    }

    [Fact]
    public void NotVisibleTasksEndInRunwayTaskNotFoundAfterTheGracePeriod()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.NeverVisible("ghost"));

        var result = fixture.Run($"Wait-RunwayTask ghost -NotFoundTimeoutSec 2 {Connection}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayTaskNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("ghost", error.TargetObject);
    }

    [Fact]
    public void StoppingThePipelineEndsTheWaitAndStopsPolling()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("forever"));
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = fixture.Host.Runspace;
        shell.AddScript("param($Base, $Key) Wait-RunwayTask forever -ApiKey $Key -BaseUri $Base -PollIntervalSec 1 -Timeout -1")
            .AddParameter("Base", fixture.Emulator.BaseUri.ToString()).AddParameter("Key", fixture.Emulator.ApiKey);
        var invocation = shell.BeginInvoke();
        Assert.True(SpinWait.SpinUntil(() => fixture.Emulator.Requests.Count >= 2, TimeSpan.FromSeconds(30)), "the wait never polled");

        var stopwatch = Stopwatch.StartNew();
        shell.Stop();
        stopwatch.Stop();

        output.WriteLine($"Stop() returned after {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(invocation.IsCompleted);
        // Only catches a hang: the latency itself is measured, not asserted (2-core CI machines are noisy).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {stopwatch.ElapsedMilliseconds} ms");
        Thread.Sleep(500);
        var settled = fixture.Emulator.Requests.Count;
        Thread.Sleep(2500);
        Assert.Equal(settled, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public void MalformedIdsAreOneErrorEachAndTheRestAreStillWaitedFor()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("fine"));

        var result = fixture.Run($"Wait-RunwayTask '   ', '..', fine {Connection}");

        Assert.Equal("fine", Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Id);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("InvalidRunwayTaskId", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, e => Assert.DoesNotContain("Parameter '", e.ErrorDetails.Message));
    }

    [Fact]
    public void VerboseShowsRequestsAndStatusTransitionsOnlyWhenAskedFor()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("verb-1", TimeSpan.FromSeconds(2)));
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("quiet-1", TimeSpan.FromSeconds(1)));

        var verbose = fixture.Run($"Wait-RunwayTask verb-1 -Verbose {Connection}");
        var quiet = fixture.Run($"Wait-RunwayTask quiet-1 {Connection}");

        Assert.Contains(verbose.Verbose, v => v.Contains("/runwayml/v1/tasks/verb-1 -> 200 OK"));
        Assert.Contains(verbose.Verbose, v => v.Contains("verb-1") && v.Contains("-> SUCCEEDED"));
        Assert.DoesNotContain(fixture.Emulator.ApiKey, verbose.AllText());
        Assert.Empty(quiet.Verbose);
    }

    [Theory]
    [InlineData("try { Wait-RunwayTask bad-x, forever-x -ErrorAction Stop {0} } catch { 'caught' }")]
    [InlineData("try { Wait-RunwayTask done-x, forever-x {0} | ForEach-Object { throw 'downstream' } } catch { 'caught' }")]
    public void PollingStopsWhenThePipelineEndsWithoutCtrlC(string script)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Fails("bad-x", "flagged", "SAFETY.INPUT.TEXT"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("done-x"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("forever-x"));

        var result = fixture.Run(script.Replace("{0}", Connection + " -Timeout -1"));

        Assert.Equal("caught", Assert.Single(result.Output));
        var afterReturn = fixture.Emulator.Requests.Count(r => r.Path.EndsWith("/forever-x"));
        Thread.Sleep(3000);
        Assert.Equal(afterReturn, fixture.Emulator.Requests.Count(r => r.Path.EndsWith("/forever-x")));
    }

    [Fact]
    public void IdsArrivingAfterTheTimeoutAreReportedNotDropped()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("early"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("late"));

        var result = fixture.Run($"& {{ 'early'; [System.Threading.Thread]::Sleep(3000); 'late' }} | Wait-RunwayTask -Timeout 1 {Connection}");

        Assert.Empty(result.Output);
        Assert.Equal(new[] { "early", "late" }, result.Errors.Select(e => e.TargetObject is RunwayTask t ? t.Id : (string)e.TargetObject));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
        Assert.Contains("arrived after the wait had ended", result.Errors[1].ErrorDetails.Message);
    }

    [Fact]
    public void ARejectedKeyStopsTheWaitWithTheSameErrorAsGetRunwayTask()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("k-1"));

        var result = fixture.Run("try { Wait-RunwayTask k-1 -ApiKey 'sk-not-the-key-0000' -BaseUri $Base -PollIntervalSec 1 } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("RunwayAuthenticationFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain("sk-not-the-key-0000", error.ToString());
    }

    [Fact]
    public void IdsArrivingAfterARefusedKeyAreNotBlamedOnTheTimeout()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("a"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("b"));

        var result = fixture.Run("try { & { 'a'; [System.Threading.Thread]::Sleep(1500); 'b' } | Wait-RunwayTask -ApiKey 'sk-not-the-key-0000' -BaseUri $Base -PollIntervalSec 1 } catch { $_ }");

        Assert.DoesNotContain(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("RunwayTaskWaitTimeout", StringComparison.Ordinal));
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("RunwayAuthenticationFailed", error.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+7")]
    [InlineData("Official, Feed")]
    public void AnUndefinedFormatIsThatObjectsErrorAndTheNextIdIsStillWaitedFor(string format)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("fine"));

        var result = fixture.Run(
            $"[pscustomobject]@{{ Id = 'fine'; Format = '{format}' }}, 'fine' | Wait-RunwayTask {Connection}");

        Assert.Equal("fine", Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Id);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidTaskProperty", error.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void TimeoutZeroIsRefusedBeforeAnythingIsSent()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("z-1"));

        var result = fixture.Run($"try {{ Wait-RunwayTask z-1 -Timeout 0 {Connection} }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("InvalidWaitTimeout", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Get-RunwayTask", error.ToString());
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void MaximumRetryCountGivenExplicitlyWarnsThatWaitDoesNotRetryByCount()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("r-1"));

        var given = fixture.Run($"Wait-RunwayTask r-1 -MaximumRetryCount 3 {Connection}");
        var notGiven = fixture.Run($"Wait-RunwayTask r-1 {Connection}");

        Assert.Contains("-MaximumRetryCount is ignored", Assert.Single(given.Warnings));
        Assert.Empty(notGiven.Warnings);
        Assert.Single(given.Output);
    }
}
