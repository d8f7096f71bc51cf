using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>A whole job is one pipeline: created tasks flow into Wait-RunwayTask and Save-RunwayOutput without glue, and stream.</summary>
[Collection(HostedCollection.Name)]
public sealed class CreatePipelineTests : IClassFixture<EmulatorHostFixture>, IDisposable
{
    private const string Wait = "Wait-RunwayTask -PollIntervalSec 1 -Timeout 120 " + Connection;
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cr-create-pipe-" + Guid.NewGuid().ToString("N"));

    public CreatePipelineTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void CreatedTasksOfBothFamiliesAreWaitedForWithoutASpuriousErrorAndKeepTheirModelAndPrompt()
    {
        emulator.CreateSettings = emulator.CreateSettings with { VisibleAfter = TimeSpan.FromSeconds(2.5) };

        var result = fixture.Run($"""
            New-RunwayImageToVideoTask {Image} 'a cat walks' {Connection} | {Wait}
            New-RunwayFeedVideoTask 'a comet' {Connection} | {Wait}
            """);

        Assert.True(result.Errors.Count == 0, result.AllText());
        var tasks = result.Output.Cast<RunwayTask>().ToList();
        Assert.Equal([("a cat walks", "gen4_turbo", RunwayTaskFormat.Official), ("a comet", "gen4", RunwayTaskFormat.Feed)], tasks.Select(t => (t.Prompt, t.Model, t.Format)));
        Assert.All(tasks, task => Assert.Equal(RunwayTaskStatus.Succeeded, task.Status));
        Assert.Contains(emulator.Requests, r => r.Path == "/runway/feed");
    }

    [Fact]
    public void APromptBecomesAFileInOnePipeline()
    {
        var result = fixture.Run($"New-RunwayFeedVideoTask 'a comet over a runway' {Connection} | {Wait} | Save-RunwayOutput -Path $Dir -PassThru {Connection}", new() { ["Dir"] = directory });

        Assert.True(result.Errors.Count == 0, result.AllText());
        var file = Assert.IsType<FileInfo>(Assert.Single(result.Output));
        Assert.Equal(Assert.Single(emulator.CreatedTasks).Id + ".mp4", file.Name);
        Assert.True(file.Length > 0);
    }

    [Fact]
    public void ACreateThatIsStillInFlightLendsTurnsSoTheFirstFileArrivesMeanwhile()
    {
        // The second create's answer is held back far longer than the first task takes to finish and be saved, so
        // the first file can only reach the output through turns the create command lends while it waits.
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.Zero).On(FaultRoute.Create));
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(90)).On(FaultRoute.Create));
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = fixture.Host.Runspace;
        shell.AddScript($"param($Base, $Key, $Dir) @([pscustomobject]@{{ Prompt = 'first' }}, [pscustomobject]@{{ Prompt = 'second' }}) | New-RunwayFeedVideoTask -ThrottleLimit 1 {Connection} | {Wait} | Save-RunwayOutput -Path $Dir -PassThru {Connection}")
            .AddParameter("Base", emulator.BaseUri.ToString()).AddParameter("Key", emulator.ApiKey).AddParameter("Dir", directory);
        var output = new PSDataCollection<PSObject>();
        var invocation = shell.BeginInvoke<PSObject, PSObject>(null, output);

        Assert.True(SpinWait.SpinUntil(() => output.Count == 1, TimeSpan.FromSeconds(60)), "the first file never reached the output while the second create was in flight");
        shell.Stop();

        Assert.True(invocation.IsCompleted);
        Assert.Equal(emulator.CreatedTasks[0].Id + ".mp4", Assert.IsType<FileInfo>(output[0].BaseObject).Name);
        Assert.Equal(["first", "second"], emulator.CreatedTasks.Select(c => c.Prompt));
    }

    [Fact]
    public void ACreateCmdletAfterWaitTakesEachFinishedTasksOutputAndItsTurnsBindQuietly()
    {
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("clip-1", TimeSpan.FromSeconds(1)) with { Output = ["https://cdn.example.com/clip-1.mp4"] });
        emulator.Tasks.Add(EmulatedTask.SucceedsAfter("clip-2", TimeSpan.FromSeconds(3)) with { Output = ["https://cdn.example.com/clip-2.mp4"] });

        var result = fixture.Run($"Wait-RunwayTask clip-1, clip-2 -PollIntervalSec 1 {Connection} | New-RunwayVideoUpscaleTask {Connection}");

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(
            ["https://cdn.example.com/clip-1.mp4", "https://cdn.example.com/clip-2.mp4"],
            emulator.CreatedTasks.Select(c => Body(c).GetProperty("videoUri").GetString()));
        Assert.DoesNotContain(emulator.Requests, r => r.Body.Contains("cometrunway-turn") || r.Path.Contains("cometrunway-turn"));
    }
}
