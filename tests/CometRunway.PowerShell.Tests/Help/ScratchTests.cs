using CometRunway.PowerShell.Tests.Hosting;
using Xunit.Abstractions;

namespace CometRunway.PowerShell.Tests.Help;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        using var host = new ModuleHost();
        var r = host.Run(@"
$c = Get-Command Get-RunwayTask
""HelpFile=$($c.HelpFile) ModuleBase=$($c.Module.ModuleBase) Culture=$([cultureinfo]::CurrentUICulture.Name)""
$h = Get-Help Get-RunwayTask -Full
""Type=$($h.GetType().FullName) Category=$($h.Category) Synopsis=$($h.Synopsis)""
""examples=$(@($h.examples.example).Count) params=$(@($h.parameters.parameter).Count)""
""links=$(@($h.relatedLinks.navigationLink).Count)""
$a = Get-Help about_CometRunway
""about=$($a.GetType().FullName) $($a.Category)""
try { Get-RunwayTask -Id x -ErrorAction Stop } catch { ""fqid=$($_.FullyQualifiedErrorId) ex=$($_.Exception.GetType().Name)"" }
");
        foreach (var o in r.Output) output.WriteLine(o?.ToString());
        foreach (var e in r.Errors) output.WriteLine("ERR " + e);
        output.WriteLine("TERM " + r.Terminating);
    }
}
