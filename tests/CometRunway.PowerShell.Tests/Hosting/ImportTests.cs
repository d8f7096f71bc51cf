namespace CometRunway.PowerShell.Tests.Hosting;

public sealed class ImportTests
{
    [Fact]
    public void ModuleImportsAndExportsItsCmdlets()
    {
        using var host = new ModuleHost();
        var result = host.Run("Get-Command -Module CometRunway | ForEach-Object Name");
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(
            new[]
            {
                "Connect-CometApi", "Disconnect-CometApi", "Get-RunwayFeedTask", "Get-RunwayTask",
                "New-RunwayCharacterPerformanceTask", "New-RunwayFeedActOneTask", "New-RunwayFeedVideoTask", "New-RunwayFeedVideoToVideoTask",
                "New-RunwayImageToVideoTask", "New-RunwayTask", "New-RunwayTextToImageTask", "New-RunwayVideoToVideoTask", "New-RunwayVideoUpscaleTask",
                "Save-RunwayOutput", "Wait-RunwayTask",
            },
            result.Output.Cast<string>().Order());
    }
}
