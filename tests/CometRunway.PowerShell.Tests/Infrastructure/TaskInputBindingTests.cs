using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>
/// What the task commands take from the pipeline (10.3): live tasks, tasks deserialized at depth 1 (Start-Job,
/// remoting) and 2 (Export-Clixml), ids, Import-Csv rows, [pscustomobject]s and hashtables, all through -InputObject;
/// an object that names no task is one clear error at once.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class TaskInputBindingTests : IClassFixture<EmulatorHostFixture>
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base";
    private readonly EmulatorHostFixture fixture;

    public TaskInputBindingTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
        fixture.Host.Run("Disconnect-CometApi");
    }

    private IEnumerable<string> PathsFor(string id) =>
        fixture.Emulator.Requests.Where(r => r.Path.EndsWith("/" + id, StringComparison.Ordinal) || r.Body.Contains($"\"{id}\"", StringComparison.Ordinal)).Select(r => r.Path);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ADeserializedFeedTaskIsWaitedForThroughTheFeedRoute(int depth)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("d-feed", TimeSpan.FromSeconds(1)));
        var read = fixture.Run($"Get-RunwayFeedTask d-feed {Connection}");
        Assert.Empty(read.Errors);
        fixture.Emulator.ClearRequests();

        var result = fixture.Run(
            $"$t = Get-RunwayFeedTask d-feed {Connection}; [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($t, $Depth)) | Wait-RunwayTask -PollIntervalSec 1 {Connection}",
            new() { ["Depth"] = depth });

        Assert.Empty(result.Errors);
        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        Assert.Equal(("d-feed", RunwayTaskFormat.Feed, RunwayTaskStatus.Succeeded), (task.Id, task.Format, task.Status));
        Assert.All(PathsFor("d-feed"), path => Assert.Equal("/runway/feed", path));
    }

    [Theory]
    [InlineData("[pscustomobject]@{ Id = 'h-1'; Format = 'Feed' }")]
    [InlineData("[pscustomobject]@{ task_id = 'h-1'; Route = 'feed' }")]
    [InlineData("@{ TaskId = 'h-1'; format = 'Feed' }")]
    [InlineData("[pscustomobject]@{ Id = 'h-1'; Format = 'Feed'; BaseUri = ''; Note = 'an Import-Csv row' }")]
    public void HandMadeObjectsNameTheirIdAndRoute(string input)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("h-1"));

        var result = fixture.Run($"{input} | Wait-RunwayTask -PollIntervalSec 1 {Connection}");

        Assert.Empty(result.Errors);
        Assert.Equal(RunwayTaskFormat.Feed, Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Format);
        Assert.Equal(["/runway/feed"], PathsFor("h-1").Distinct());
    }

    [Fact]
    public void IdsAndTasksMixOnOnePipelineAndPlainIdsTakeFormat()
    {
        fixture.Emulator.Tasks.AddRange([EmulatedTask.Succeeded("m-1"), EmulatedTask.Succeeded("m-2"), EmulatedTask.Succeeded("m-3")]);

        var result = fixture.Run($"@('m-1', (Get-RunwayTask m-2 {Connection}), [pscustomobject]@{{ Id = 'm-3' }}) | Wait-RunwayTask -Format Feed -PollIntervalSec 1 {Connection}");

        Assert.Empty(result.Errors);
        var tasks = result.Output.Cast<RunwayTask>().ToDictionary(t => t.Id);
        Assert.Equal((RunwayTaskFormat.Feed, RunwayTaskFormat.Official, RunwayTaskFormat.Feed), (tasks["m-1"].Format, tasks["m-2"].Format, tasks["m-3"].Format));
    }

    [Theory]
    [InlineData("Wait-RunwayTask -Timeout 300")]
    [InlineData("Get-RunwayTask")]
    [InlineData("Get-RunwayFeedTask")]
    [InlineData("Save-RunwayOutput -Path $TestDrive")]
    public void AnObjectThatNamesNoTaskIsOneErrorAtOnceNamingItsPropertiesAndTheAcceptedOnes(string command)
    {
        // As Import-Csv gives a CSV whose id column is named task-id (the hosted engine has no Import-Csv; Pester runs the real one).
        var result = fixture.Run(
            $"[pscustomobject]@{{ 'task-id' = 'ok1'; name = 'first' }} | {command.Replace("$TestDrive", "$Dir")} {Connection}",
            new() { ["Dir"] = Path.GetTempPath() });

        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskIdPropertyMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("task-id, name", error.ErrorDetails.Message);
        Assert.Contains("Id, TaskId or task_id", error.ErrorDetails.Message);
        Assert.Empty(result.Output);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Theory]
    [InlineData("[pscustomobject]@{ Id = 'x'; Format = 'Fast' }", "Format is 'Fast'; use Official or Feed")]
    [InlineData("[pscustomobject]@{ Id = 'x'; Format = '7' }", "Format is '7'")]
    [InlineData("[pscustomobject]@{ Id = @{ a = 1 } }", "Id is a Hashtable, not a task id")]
    [InlineData("[pscustomobject]@{ Id = $null; TaskId = $null }", "Id is empty")]
    [InlineData("[pscustomobject]@{ Id = 'x'; BaseUri = 'not a url' }", "BaseUri: The base address 'not a url' is not an absolute")]
    [InlineData("[pscustomobject]@{ Id = 'x'; BaseUri = 'ftp://user:pw@files.example/' }", "not an absolute http:// or https:// URL")]
    [InlineData("[pscustomobject]@{ Id = 'x'; BaseUri = 'https://user:pw@api.example/' }", "must not contain user information")]
    public void AnObjectWhosePropertiesCannotBeUsedIsOneErrorSayingWhich(string input, string expected)
    {
        var result = fixture.Run($"{input} | Wait-RunwayTask {Connection}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidTaskProperty", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(expected, error.ErrorDetails.Message);
        Assert.DoesNotContain("pw@", error.ErrorDetails.Message);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void GoodObjectsGoOnWhenOthersAreRefused()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("g-1"));

        var result = fixture.Run($"@([pscustomobject]@{{ name = 'no id' }}, 'g-1', [pscustomobject]@{{ Id = '' }}) | Get-RunwayTask {Connection}");

        Assert.Equal("g-1", Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Id);
        Assert.Equal(["TaskIdPropertyMissing", "InvalidRunwayTaskId"], result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Theory]
    [InlineData("Wait-RunwayTask", "Id")]
    [InlineData("Get-RunwayTask", "Id")]
    [InlineData("Get-RunwayFeedTask", "TaskId")]
    public void RunWithoutArgumentsTheCommandAsksForIds(string command, string parameter)
    {
        var prompted = fixture.Run($"try {{ {command} {Connection} }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(prompted.Output));
        Assert.Contains($"missing mandatory parameters: {parameter}.", error.Exception.Message);
    }
}
