using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Tasks;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Infrastructure;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>
/// Request timeout, retry count and X-Runway-Version, per call and per session (10.15): the values reach the wire,
/// as the emulator records it (headers, how many attempts), and a parameter beats the session, which beats the default.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class RequestSettingsTests : IClassFixture<EmulatorHostFixture>
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base";
    private readonly EmulatorHostFixture fixture;

    public RequestSettingsTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
        fixture.Host.Run("Disconnect-CometApi");
    }

    private IEnumerable<string?> VersionsSent() => fixture.Emulator.Requests.Select(r => r.Header("X-Runway-Version"));

    [Theory]
    [InlineData("Get-RunwayTask s-1")]
    [InlineData("Get-RunwayFeedTask s-1")]
    [InlineData("Wait-RunwayTask s-1 -PollIntervalSec 1")]
    public void EveryRequestCarriesTheDefaultRunwayVersionUnlessToldOtherwise(string command)
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("s-1"));

        var byDefault = fixture.Run($"{command} {Connection}");
        var asked = fixture.Run($"{command} {Connection} -RunwayVersion 2024-09-13");

        Assert.Empty(byDefault.Errors.Concat(asked.Errors));
        Assert.Equal(["2024-11-06", "2024-09-13"], VersionsSent().Distinct());
    }

    [Fact]
    public void TheSessionSetsEveryCommandsSettingsAndAParameterBeatsTheSession()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("s-2"));
        fixture.Emulator.Faults.Add(FaultRule.Status(503).ForTask("s-3").Always());

        var connected = fixture.Run("Connect-CometApi -ApiKey $Key -BaseUri $Base -RunwayVersion 2024-09-13 -MaximumRetryCount 0 -PassThru");
        var session = Assert.IsType<CometApiSession>(Assert.Single(connected.Output));
        var fromSession = fixture.Run("Get-RunwayTask s-2; Get-RunwayTask s-3");
        var attemptsFromSession = fixture.Emulator.Requests.Count(r => r.Path.EndsWith("/s-3", StringComparison.Ordinal));
        fixture.Emulator.ClearRequests();
        var overridden = fixture.Run("Get-RunwayTask s-2 -RunwayVersion 2024-11-06; Get-RunwayTask s-3 -MaximumRetryCount 1");

        Assert.Equal(("2024-09-13", 0), (session.RunwayVersion, session.MaximumRetryCount));
        Assert.Equal(1, attemptsFromSession);
        Assert.Equal("RunwayServerError", Assert.Single(fromSession.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("2024-11-06", fixture.Emulator.Requests.First(r => r.Path.EndsWith("/s-2", StringComparison.Ordinal)).Header("X-Runway-Version"));
        Assert.Equal(2, fixture.Emulator.Requests.Count(r => r.Path.EndsWith("/s-3", StringComparison.Ordinal)));
        Assert.Single(overridden.Errors);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void MaximumRetryCountIsHowManyTimesAFailingRequestIsTriedAgain(int retries, int attempts)
    {
        fixture.Emulator.Faults.Add(FaultRule.Status(503).ForTask("s-4").Always());

        var result = fixture.Run($"Get-RunwayTask s-4 {Connection} -MaximumRetryCount {retries}");

        Assert.Equal("RunwayServerError", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(attempts, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public void RequestTimeoutSecLimitsEachAttempt()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("s-5"));
        fixture.Emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(30)).ForTask("s-5").Always());

        var result = fixture.Run($"Get-RunwayTask s-5 {Connection} -RequestTimeoutSec 1 -MaximumRetryCount 0");

        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayRequestTimeout", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("did not complete within 1 s", error.ErrorDetails.Message);
    }

    [Fact]
    public void WaitRunwayTaskUsesTheRequestTimeoutForEachPoll()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("s-6"));
        fixture.Emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(30)).ForTask("s-6").Times(1));

        var result = fixture.Run($"Wait-RunwayTask s-6 {Connection} -PollIntervalSec 1 -RequestTimeoutSec 1 -Verbose");

        Assert.Empty(result.Errors);
        Assert.Equal(RunwayTaskStatus.Succeeded, Assert.IsType<RunwayTask>(Assert.Single(result.Output)).Status);
        Assert.Contains(result.Verbose, line => line.Contains("did not complete within 1 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Get-RunwayTask x -RunwayVersion \"2024-11-06`n\"")]
    [InlineData("Get-RunwayTask x -RunwayVersion '٢٠٢٤-١١-٠٦'")]
    [InlineData("Get-RunwayTask x -RequestTimeoutSec 0")]
    [InlineData("Get-RunwayTask x -MaximumRetryCount 11")]
    [InlineData("Connect-CometApi -ApiKey $Key -RunwayVersion '2024-11-06 '")]
    [InlineData("Connect-CometApi -ApiKey $Key -RequestTimeoutSec 3601")]
    public void ASettingOutOfItsRangeIsRefusedBeforeAnythingIsSent(string command)
    {
        var result = fixture.Run($"try {{ {command} }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("ParameterArgumentValidationError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Theory]
    [InlineData("Connect-CometApi -ApiKey $Key -RunwayVersion latest", "'latest'")]
    [InlineData("Get-RunwayTask x -RunwayVersion 2024-11-6", "'2024-11-6'")]
    [InlineData("New-RunwayFeedVideoTask 'a comet' -RunwayVersion v1", "'v1'")]
    public void AWrongRunwayVersionIsExplainedInWordsNotWithThePattern(string command, string value)
    {
        var result = fixture.Run($"try {{ {command} }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("ParameterArgumentValidationError", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("RunwayVersion", error.Exception.Message);
        Assert.Contains($"{value} is not a Runway API version; give the date of one in the form yyyy-MM-dd, such as 2024-11-06", error.Exception.Message);
        Assert.DoesNotContain("pattern", error.Exception.Message);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void SettingsThatCannotWorkStopTheCommandWithAStableIdBeforeAnythingIsSent()
    {
        // Connect-CometApi refuses such a session, so it is put in place the way only code inside the module could.
        var previous = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
        System.Management.Automation.Runspaces.Runspace.DefaultRunspace = fixture.Host.Runspace;
        try
        {
            RunspaceState.Current.Session = new CometApiSession(CometRunway.Core.Configuration.ApiKey.FromString(fixture.Emulator.ApiKey), fixture.Emulator.BaseUri, false)
            {
                RunwayVersion = "2024-11-06\r\nX-Evil: 1",
            };
        }
        finally
        {
            System.Management.Automation.Runspaces.Runspace.DefaultRunspace = previous;
        }

        var result = fixture.Run("try { Get-RunwayTask s-7 } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("CometApiSettingInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("X-Runway-Version", error.ErrorDetails.Message);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public void SettingsThatCannotWorkAreAnArgumentExceptionNamingThem()
    {
        var session = new CometApiSession(null, null, false) { RunwayVersion = "2024-11-06\n" };

        var error = Assert.Throws<ArgumentException>(() => ApiSettings.Resolve(null, null, null, session, null, null));

        Assert.Contains("X-Runway-Version", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(60), ApiSettings.Resolve(null, null, null, null, null, null).RequestTimeout);
        Assert.Equal(4, ApiSettings.Resolve(null, null, null, null, null, null).Retry.MaxAttempts);
    }
}
