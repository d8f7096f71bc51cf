using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void TerminalStatuses() =>
        Assert.True(new RunwayTask { Id = "a", Format = RunwayTaskFormat.Official, Status = RunwayTaskStatus.Failed }.IsTerminal);
}
