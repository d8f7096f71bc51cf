using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Completion;

[Collection(HostedCollection.Name)]
public sealed class CompletionTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;

    public CompletionTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
    }

    private IReadOnlyList<string> Complete(string line) =>
        fixture.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText", new() { ["Line"] = line })
            .Output.Cast<string>().ToList();

    [Fact]
    public void RunwayVersionCompletesKnownVersionsNewestFirst()
    {
        Assert.Equal(new[] { "2024-11-06", "2024-09-13" }, Complete("Get-RunwayTask -RunwayVersion "));
        Assert.Equal(new[] { "2024-09-13" }, Complete("Wait-RunwayTask -RunwayVersion 2024-09"));
    }

    [Fact]
    public void TaskIdsCompleteFromTasksReadInThisRunspaceWithoutAnyRequest()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("seen-abc"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Pending("seen-xyz"));
        fixture.Run("Get-RunwayTask seen-abc, seen-xyz -ApiKey $Key -BaseUri $Base");
        var requestsBefore = fixture.Emulator.Requests.Count;

        Assert.Equal(new[] { "seen-xyz", "seen-abc" }, Complete("Wait-RunwayTask -Id seen-").Take(2));
        Assert.Equal(new[] { "seen-abc" }, Complete("Get-RunwayFeedTask -TaskId seen-a"));
        Assert.Equal(requestsBefore, fixture.Emulator.Requests.Count);
    }
}
