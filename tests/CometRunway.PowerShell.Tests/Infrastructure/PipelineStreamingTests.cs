using System.Management.Automation;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>
/// Adjacent commands of the module stream: what the later one has to write reaches the pipeline while the
/// earlier one blocks. The emulator holds a task back until the script has seen the other task's file, so a
/// pipeline that does not stream cannot pass (it runs into -Timeout instead); the assertions are about order,
/// never about time.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class PipelineStreamingTests : IClassFixture<EmulatorHostFixture>, IDisposable
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base";
    private const string Wait = "-PollIntervalSec 1 -Timeout 60 " + Connection;
    private const string SaveAndLog = "Save-RunwayOutput -Path $Dir -PassThru " + Connection + " | ForEach-Object { $Log.Invoke('file ' + $_.Name); $_ }";
    private readonly EmulatorHostFixture fixture;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cr-stream-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> log = new();
    private string? heldTaskId;

    public PipelineStreamingTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void EachFileAndSavesProgressReachThePipelineBeforeWaitWritesTheNextTask()
    {
        RunHoldingBack("early", "late", $"Wait-RunwayTask early, late {Wait} | {SaveAndLog}");

        var saveProgress = log.FindIndex(entry => entry.StartsWith("progress Saving", StringComparison.Ordinal));
        Assert.InRange(saveProgress, 0, log.IndexOf("file early.mp4"));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.Contains("cometrunway-turn"));
    }

    [Fact]
    public void TurnsTravelThroughACommandInBetween() =>
        RunHoldingBack("first", "second", $"Wait-RunwayTask first, second {Wait} | Wait-RunwayTask {Wait} | {SaveAndLog}");

    [Fact]
    public void TheTokenBindsInTheIdParameterSetAndIsNeverReadAsATask()
    {
        RunHoldingBack("feed-a", "feed-b", $"Get-RunwayFeedTask feed-a, feed-b {Connection} | Wait-RunwayTask -Format Feed {Wait} | {SaveAndLog}");

        Assert.All(fixture.Emulator.Requests.Where(r => !r.Path.StartsWith("/files/")), r => Assert.Equal("/runway/feed", r.Path));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Body.Contains("cometrunway-turn"));
    }

    [Fact]
    public void StoppingAStreamingPipelineEndsBothCommandsAndThePolling()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("saved"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("forever"));
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = fixture.Host.Runspace;
        shell.AddScript("param($Base, $Key, $Dir) Wait-RunwayTask saved, forever -PollIntervalSec 1 -Timeout -1 -ApiKey $Key -BaseUri $Base | Save-RunwayOutput -Path $Dir -PassThru")
            .AddParameter("Base", fixture.Emulator.BaseUri.ToString()).AddParameter("Key", fixture.Emulator.ApiKey).AddParameter("Dir", directory);
        var output = new PSDataCollection<PSObject>();
        var invocation = shell.BeginInvoke<PSObject, PSObject>(null, output);

        // The file arrives while Wait still polls 'forever': only a turn can have written it.
        Assert.True(SpinWait.SpinUntil(() => output.Count == 1, TimeSpan.FromSeconds(60)), "the saved file never reached the output");
        shell.Stop();

        Assert.True(invocation.IsCompleted);
        Assert.Equal("saved.mp4", Assert.IsType<FileInfo>(output[0].BaseObject).Name);
        Thread.Sleep(500);
        var settled = fixture.Emulator.Requests.Count;
        Thread.Sleep(2500);
        Assert.Equal(settled, fixture.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData("Wait-RunwayTask done, never {0} | Where-Object {{ $Log.Invoke('saw ' + $_.Id); $true }} | Save-RunwayOutput -Path $Dir -PassThru")]
    [InlineData("Wait-RunwayTask done, never {0} | ForEach-Object {{ $Log.Invoke('saw ' + $_.Id); $_ | Save-RunwayOutput -Path $Dir -PassThru }}")]
    [InlineData("Wait-RunwayTask done, never {0} -OutVariable got | Save-RunwayOutput -Path $Dir -PassThru; $got | ForEach-Object {{ $Log.Invoke('saw ' + $_.Id) }}")]
    public void NoTokenReachesACommandThatIsNotOursOrACapturedOutput(string script)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("done"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("never"));

        var result = Run(string.Format(script, "-PollIntervalSec 1 -Timeout 3 " + Connection));

        Assert.Equal(["done.mp4"], result.Output.OfType<FileInfo>().Select(f => f.Name));
        Assert.Equal("RunwayTaskWaitTimeout", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(["saw done"], log.Where(entry => entry.StartsWith("saw ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Runs a pipeline over a task that has succeeded and one that succeeds only once the script has logged the
    /// first one's file, and checks that both files arrive, in that order, without errors.
    /// </summary>
    private void RunHoldingBack(string doneTaskId, string heldBackTaskId, string script)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded(doneTaskId));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending(heldBackTaskId));
        heldTaskId = heldBackTaskId;

        var result = Run(script);

        Assert.Empty(result.Errors);
        Assert.Equal([doneTaskId + ".mp4", heldBackTaskId + ".mp4"], result.Output.Cast<FileInfo>().Select(f => f.Name));
        Assert.Equal(["file " + doneTaskId + ".mp4", "file " + heldBackTaskId + ".mp4"], log.Where(entry => entry.StartsWith("file ", StringComparison.Ordinal)));
    }

    /// <summary>Runs the script with $Dir and $Log bound; progress records are logged as they are written.</summary>
    private HostResult Run(string script) =>
        fixture.Run(script, new() { ["Dir"] = directory, ["Log"] = new Action<string>(Log) }, shell =>
            shell.Streams.Progress.DataAdded += (_, e) => Log("progress " + shell.Streams.Progress[e.Index].Activity));

    /// <summary>Records what the script saw; the first file seen lets the held-back task succeed.</summary>
    private void Log(string entry)
    {
        lock (log)
        {
            log.Add(entry);
        }

        if (heldTaskId is { } held && entry.StartsWith("file ", StringComparison.Ordinal))
        {
            heldTaskId = null;
            fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded(held));
        }
    }
}
