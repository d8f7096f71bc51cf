using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>
/// A pipeline that ends early (Select-Object -First, or as here a terminating error downstream: the hosted engine has no
/// Utility module) cancels only the creates not yet sent: a sent one ends within its
/// request timeout, its id is remembered in the runspace (Get-RunwayTask &lt;Tab&gt; offers it), and the next command
/// says so in its verbose stream. No charged task is lost.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class CreateStopTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;

    public CreateStopTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    [Fact]
    public async Task EndingThePipelineEarlyLosesNoCreateThatWasSent()
    {
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(1.5)).On(FaultRoute.Create).Always());

        var result = fixture.Run($$"""
            try {
                1..6 | ForEach-Object { [pscustomobject]@{ PromptText = "comet $_" } } |
                    New-RunwayFeedVideoTask -ThrottleLimit 3 {{Connection}} | ForEach-Object { $_; throw 'enough' }
            } catch { }
            """);

        Assert.True(result.Output.Count == 1, result.AllText());
        // Creates sent before the pipeline stopped end after it, in the background: wait until the server made them all
        // (it makes a task as it receives the request) and every one of their ids is remembered.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<string> created, remembered;
        do
        {
            await Task.Delay(200);
            created = emulator.CreatedTasks.Select(task => task.Id).Order().ToList();
            remembered = RememberedIds();
        }
        while (!created.All(remembered.Contains) && DateTime.UtcNow < deadline);

        Assert.InRange(created.Count, 2, 6);
        Assert.Equal(created, remembered.Where(created.Contains).Order());
        var next = fixture.Run("Get-RunwayTask $Id -Verbose {{Connection}}".Replace("{{Connection}}", Connection), new() { ["Id"] = created[^1] });
        Assert.Contains(next.Verbose, line => line.Contains("was created after the pipeline had stopped", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> RememberedIds() =>
        fixture.Run("(TabExpansion2 -inputScript 'Get-RunwayTask -Id ' -cursorColumn 19).CompletionMatches | ForEach-Object CompletionText")
            .Output.Cast<string>().ToList();
}
