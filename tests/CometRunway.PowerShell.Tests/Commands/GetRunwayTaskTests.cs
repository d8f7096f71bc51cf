using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Commands;

[Collection(HostedCollection.Name)]
public sealed class GetRunwayTaskTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;

    public GetRunwayTaskTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
        fixture.Host.Run("Disconnect-CometApi");
    }

    [Fact]
    public void ReadsOneTaskThroughTheOfficialRoute()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("t-1"));

        var result = fixture.Run("Get-RunwayTask -Id t-1 -ApiKey $Key -BaseUri $Base");

        Assert.Empty(result.Errors);
        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        Assert.Equal(("t-1", RunwayTaskStatus.Succeeded, RunwayTaskFormat.Official), (task.Id, task.Status, task.Format));
        Assert.Equal("/runwayml/v1/tasks/t-1", Assert.Single(fixture.Emulator.Requests).Path);
    }

    [Fact]
    public void AFeedTaskPipedToGetRunwayTaskIsReadOnItsOwnRouteAndStaysFeed()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Running("f-1", 0.4));

        var result = fixture.Run("Get-RunwayFeedTask f-1 -ApiKey $Key -BaseUri $Base | Get-RunwayTask -ApiKey $Key -BaseUri $Base");

        Assert.Empty(result.Errors);
        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        Assert.Equal(RunwayTaskFormat.Feed, task.Format);
        Assert.Equal(new[] { "/runway/feed", "/runway/feed" }, fixture.Emulator.Requests.Select(r => r.Path));
    }

    [Fact]
    public void AnOfficialTaskPipedToGetRunwayFeedTaskIsReadOnItsOwnRouteAndPlainIdsKeepTheCmdletsRoute()
    {
        fixture.Emulator.Tasks.AddRange(new[] { EmulatedTask.Pending("o-1"), EmulatedTask.Pending("plain"), EmulatedTask.Pending("row") });

        var result = fixture.Run(
            "@((Get-RunwayTask o-1 -ApiKey $Key -BaseUri $Base), 'plain', [pscustomobject]@{ Id = 'row' }) | Get-RunwayFeedTask -ApiKey $Key -BaseUri $Base");

        Assert.Empty(result.Errors);
        Assert.Equal(
            new[] { ("o-1", RunwayTaskFormat.Official), ("plain", RunwayTaskFormat.Feed), ("row", RunwayTaskFormat.Feed) },
            result.Output.Cast<RunwayTask>().Select(t => (t.Id, t.Format)));
        Assert.Equal(new[] { "/runwayml/v1/tasks/o-1", "/runwayml/v1/tasks/o-1" }, fixture.Emulator.Requests.Where(r => r.Path.StartsWith("/runwayml", StringComparison.Ordinal)).Select(r => r.Path));
        Assert.Equal(2, fixture.Emulator.Requests.Count(r => r.Path == "/runway/feed"));
    }

    [Theory]
    [InlineData("Id")]
    [InlineData("TaskId")]
    [InlineData("task_id")]
    public void IdsBindByPropertyNameLikeImportCsvRows(string column)
    {
        fixture.Emulator.Tasks.AddRange(new[] { EmulatedTask.Pending("a"), EmulatedTask.Pending("b") });

        var result = fixture.Run(
            $"@([pscustomobject]@{{ {column} = 'a' }}, [pscustomobject]@{{ {column} = 'b' }}) | Get-RunwayFeedTask -ApiKey $Key -BaseUri $Base");

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "a", "b" }, result.Output.Cast<RunwayTask>().Select(t => t.Id));
    }

    [Fact]
    public void ManyIdsAreReadConcurrentlyAndWrittenInInputOrder()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"id-{i:00}").ToArray();
        fixture.Emulator.Tasks.AddRange(ids.Select(EmulatedTask.Pending));
        fixture.Emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(300)).ForTask("id-00"));

        var result = fixture.Run("$Ids | Get-RunwayTask -ApiKey $Key -BaseUri $Base -ThrottleLimit 8", new() { ["Ids"] = ids });

        Assert.Empty(result.Errors);
        Assert.Equal(ids, result.Output.Cast<RunwayTask>().Select(t => t.Id));
    }

    [Fact]
    public void EachFailedIdIsOneNonTerminatingErrorWithAStableIdAndTheIdAsTarget()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("good"));
        fixture.Emulator.Tasks.Add(EmulatedTask.NeverVisible("fresh"));
        fixture.Emulator.Faults.Add(FaultRule.Status(404).ForTask("gone"));

        var result = fixture.Run("Get-RunwayTask -Id fresh, good, gone, '..' -ApiKey $Key -BaseUri $Base");

        Assert.Equal("good", Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Id);
        Assert.Equal(
            new[] { ("RunwayTaskNotVisible", ErrorCategory.ResourceUnavailable, "fresh"), ("RunwayTaskNotFound", ErrorCategory.ObjectNotFound, "gone"), ("InvalidRunwayTaskId", ErrorCategory.InvalidArgument, "..") },
            result.Errors.Select(e => (e.FullyQualifiedErrorId.Split(',')[0], e.CategoryInfo.Category, (string)e.TargetObject)));
        Assert.All(result.Errors, e => Assert.DoesNotContain("   at ", e.ErrorDetails.Message));
    }

    [Fact]
    public void NoKeyAnywhereIsOneTerminatingErrorThatSaysHowToProvideOne()
    {
        var error = TerminatingError("$env:COMETAPI_KEY = $null; Get-RunwayTask -Id x, y -BaseUri $Base");

        Assert.Contains("COMETAPI_KEY", error.ErrorDetails.Message);
        Assert.Equal("CometApiKeyMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Theory]
    [InlineData("sk-half key-0000", "half key")]
    [InlineData("sk-caf\u00e9-0123456789", "caf")]
    public void AnUnusableKeyInTheEnvironmentIsNamedAsSuchWithoutShowingIt(string key, string part)
    {
        var error = TerminatingError("$env:COMETAPI_KEY = $Bad; try { Get-RunwayTask -Id x -BaseUri $Base } finally { $env:COMETAPI_KEY = $null }", new() { ["Bad"] = key });

        Assert.Equal("CometApiKeyInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("COMETAPI_KEY", error.ErrorDetails.Message);
        Assert.DoesNotContain(part, error.ToString() + error.ErrorDetails.Message + error.TargetObject);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void ConnectCometApiIsUsedAndParametersOverrideIt()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("c-1"));

        var connected = fixture.Run("Connect-CometApi -ApiKey $Key -BaseUri $Base; Get-RunwayTask c-1");
        var overridden = fixture.Run("Get-RunwayTask c-1 -ApiKey 'sk-other-key-123'");
        var disconnected = TerminatingError("$env:COMETAPI_KEY = $null; Disconnect-CometApi; Get-RunwayTask c-1");

        Assert.Single(connected.Output);
        Assert.Equal("RunwayAuthenticationFailed", Assert.Single(overridden.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("CometApiKeyMissing", disconnected.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void ConnectCometApiTakesAPSCredential()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("c-2"));

        var result = fixture.Run(
            "$c = [pscredential]::new('ignored', [System.Net.NetworkCredential]::new('', $Key).SecurePassword); Connect-CometApi -Credential $c -BaseUri $Base -PassThru; Get-RunwayTask c-2");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.DoesNotContain(fixture.Emulator.ApiKey, result.AllText());
    }

    [Fact]
    public void VerboseShowsEachRequestAndNothingSecretAppearsAnywhere()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("v-1"));
        fixture.Emulator.Faults.Add(FaultRule.Status(503).ForTask("v-1"));
        fixture.Emulator.Faults.Add(FaultRule.Gateway(401, "bad key " + fixture.Emulator.ApiKey).ForTask("v-2"));

        var result = fixture.Run("Get-RunwayTask v-1, v-2 -ApiKey $Key -BaseUri $Base -RunwayVersion 2024-11-06 -Verbose");

        Assert.Contains(result.Verbose, v => v.Contains("GET ") && v.Contains("/runwayml/v1/tasks/v-1 -> 503"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Retry 1 of 3 for task 'v-1'"));
        Assert.Contains(result.Verbose, v => v.Contains("-> 200 OK"));
        Assert.DoesNotContain(fixture.Emulator.ApiKey, result.AllText());
    }

    [Fact]
    public void RunwayVersionMustLookLikeADate()
    {
        var error = TerminatingError("Get-RunwayTask x -ApiKey $Key -BaseUri $Base -RunwayVersion \"2024-11-06`r`nX-Evil: 1\"");

        Assert.Equal("ParameterArgumentValidationError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void PlainHttpToARemoteHostIsRefused()
    {
        var error = TerminatingError("Get-RunwayTask x -ApiKey $Key -BaseUri 'http://api.example.com'");

        Assert.Equal("CometApiBaseUriInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-AllowUnencryptedAuthentication", error.ErrorDetails.Message);
    }

    /// <summary>Runs the script inside try/catch: only a terminating error reaches the catch block.</summary>
    private ErrorRecord TerminatingError(string script, Dictionary<string, object?>? parameters = null)
    {
        var result = fixture.Run($"try {{ {script} }} catch {{ $_ }}", parameters);
        return Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
    }
}
