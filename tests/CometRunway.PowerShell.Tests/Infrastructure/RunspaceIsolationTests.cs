using CometRunway.Core.Tasks;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>Runbooks and ForEach-Object -Parallel run many runspaces in one process: nothing may leak between them.</summary>
[Collection(HostedCollection.Name)]
public sealed class RunspaceIsolationTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;

    public RunspaceIsolationTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
        fixture.Host.Run("Disconnect-CometApi; $env:COMETAPI_KEY = $null");
    }

    private HostResult RunParallel(string script) =>
        fixture.Run(script, new() { ["ModulePath"] = StagedModule.ManifestPath });

    [Fact]
    public void ParallelRunspacesEachWaitForTheirOwnTasks()
    {
        fixture.Emulator.Tasks.AddRange(Enumerable.Range(1, 4).Select(i => EmulatedTask.SucceedsAfter($"par-{i}", TimeSpan.FromSeconds(1))));

        var result = RunParallel("""
            1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:ModulePath
                Wait-RunwayTask "par-$_" -ApiKey $using:Key -BaseUri $using:Base -PollIntervalSec 1
            }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "par-1", "par-2", "par-3", "par-4" }, result.Output.Cast<RunwayTask>().Select(t => t.Id).Order());
    }

    [Fact]
    public void ConnectCometApiInOneRunspaceIsInvisibleToAnother()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("iso-1"));

        var result = RunParallel("""
            Connect-CometApi -ApiKey $Key -BaseUri $Base
            Get-RunwayTask iso-1 | ForEach-Object Id
            1 | ForEach-Object -Parallel {
                Import-Module $using:ModulePath
                try { Get-RunwayTask iso-1 -BaseUri $using:Base } catch { $_.FullyQualifiedErrorId }
            }
            Disconnect-CometApi
            """);

        Assert.Equal(new object?[] { "iso-1", "CometApiKeyMissing,CometRunway.PowerShell.Commands.GetRunwayTaskCommand" }, result.Output);
    }
}
