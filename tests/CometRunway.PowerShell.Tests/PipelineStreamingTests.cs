using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests;

/// <summary>
/// Adjacent commands of the module stream: what the later one has to write reaches the pipeline while the
/// earlier one blocks. Each test holds a task back until the script has seen a file, so a pipeline that does not
/// stream cannot pass (it runs into -Timeout instead); the assertions are about order, never about time.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class PipelineStreamingTests : IClassFixture<EmulatorHostFixture>, IDisposable
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base";
    private const string Wait = "-PollIntervalSec 1 -Timeout 60 " + Connection;
    private readonly EmulatorHostFixture fixture;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cr-stream-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> log = new();
    private (string FileName, string TaskId)? held;

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
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("early"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("late"));
        ReleaseWhenSeen("early.mp4", "late");

        var result = Run($"Wait-RunwayTask early, late {Wait} | Save-RunwayOutput -Path $Dir -PassThru {Connection} | ForEach-Object {{ $Log.Invoke('file ' + $_.Name); $_ }}");

        Assert.Empty(result.Errors);
        Assert.Equal(["early.mp4", "late.mp4"], result.Output.Cast<FileInfo>().Select(f => f.Name));
        Assert.Equal(["file early.mp4", "file late.mp4"], log.Where(entry => entry.StartsWith("file ")));
        var saveProgress = log.FindIndex(entry => entry.StartsWith("progress Saving", StringComparison.Ordinal));
        Assert.InRange(saveProgress, 0, log.IndexOf("file early.mp4"));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.Contains("cometrunway-turn"));
    }

    [Fact]
    public void TurnsTravelThroughACommandInBetween()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("first"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("second"));
        ReleaseWhenSeen("first.mp4", "second");

        var result = Run($"Wait-RunwayTask first, second {Wait} | Wait-RunwayTask {Wait} | Save-RunwayOutput -Path $Dir -PassThru {Connection} | ForEach-Object {{ $Log.Invoke('file ' + $_.Name); $_ }}");

        Assert.Empty(result.Errors);
        Assert.Equal(["file first.mp4", "file second.mp4"], log.Where(entry => entry.StartsWith("file ")));
    }

    [Fact]
    public void TheTokenBindsInTheIdParameterSetAndIsNeverReadAsATask()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("feed-a"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("feed-b"));
        ReleaseWhenSeen("feed-a.mp4", "feed-b");

        var result = Run($"Get-RunwayFeedTask feed-a, feed-b {Connection} | Wait-RunwayTask -Format Feed {Wait} | Save-RunwayOutput -Path $Dir -PassThru {Connection} | ForEach-Object {{ $Log.Invoke('file ' + $_.Name); $_ }}");

        Assert.Empty(result.Errors);
        Assert.Equal(["file feed-a.mp4", "file feed-b.mp4"], log.Where(entry => entry.StartsWith("file ")));
        Assert.All(fixture.Emulator.Requests.Where(r => !r.Path.StartsWith("/files/")), r => Assert.Equal("/runway/feed", r.Path));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Body.Contains("cometrunway-turn"));
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
        Assert.Equal(["saw done"], log.Where(entry => entry.StartsWith("saw ")));
    }

    /// <summary>Once the script logs the file, the held task succeeds on the emulator.</summary>
    private void ReleaseWhenSeen(string fileName, string heldTaskId) => held = (fileName, heldTaskId);

    private void Log(string entry)
    {
        lock (log)
        {
            log.Add(entry);
        }

        if (held is { } release && entry == "file " + release.FileName)
        {
            fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded(release.TaskId));
        }
    }

    /// <summary>Runs the script with $Log bound to <see cref="Log"/>; progress records are logged as they are written.</summary>
    private HostResult Run(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = fixture.Host.Runspace;
        shell.Streams.Progress.DataAdded += (_, e) => Log("progress " + shell.Streams.Progress[e.Index].Activity);
        shell.AddScript("param($Base, $Key, $Dir, $Log)\n" + script)
            .AddParameter("Base", fixture.Emulator.BaseUri.ToString())
            .AddParameter("Key", fixture.Emulator.ApiKey)
            .AddParameter("Dir", directory)
            .AddParameter("Log", new Action<string>(Log));
        var output = shell.Invoke();
        return new HostResult(
            output.Select(o => o?.BaseObject).ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Progress.ToList(),
            null);
    }
}
