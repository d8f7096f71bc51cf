using System.Collections;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>Get-Help, in a real engine, finds the help of the staged module (en-US beside the manifest, dlls in bin/).</summary>
[Collection(HostedCollection.Name)]
public sealed class HostedHelpTests : IClassFixture<HostedHelpTests.Engine>
{
    private const string ReadHelp = """
        param($name)
        $help = Get-Help -Name $name -Full -ErrorAction Stop
        $parameters = @($help.parameters.parameter | Where-Object { $null -ne $_ })
        $pipeline = @{}
        foreach ($p in $parameters) { $pipeline[$p.name] = [string]$p.pipelineInput }
        @{
            Synopsis    = [string]$help.Synopsis
            Description = (@($help.description) | ForEach-Object Text) -join "`n"
            Examples    = @($help.examples.example).Count
            ExampleCode = (@($help.examples.example) | ForEach-Object code) -join "`n"
            Parameters  = [string[]]@($parameters | ForEach-Object name)
            Pipeline    = $pipeline
            Category    = [string]$help.Category
        }
        """;

    private readonly ModuleHost host;

    public HostedHelpTests(Engine engine) => host = engine.Host;

    [Theory]
    [MemberData(nameof(CmdletContract.Names), MemberType = typeof(CmdletContract))]
    public void GetHelpFullShowsThePage(string cmdlet)
    {
        var result = host.Run(ReadHelp, new() { ["name"] = cmdlet });

        Assert.True(result.Terminating is null && result.Errors.Count == 0, result.AllText());
        var help = Assert.IsType<Hashtable>(Assert.Single(result.Output));
        var page = HelpSources.ReadPage(cmdlet);
        Assert.Equal("Cmdlet", help["Category"]);
        Assert.Equal(page.Synopsis, help["Synopsis"]);
        Assert.StartsWith(page.Description[..40], (string)help["Description"]!, StringComparison.Ordinal);
        Assert.True((int)help["Examples"]! >= 3, $"{cmdlet}: Get-Help shows {help["Examples"]} example(s).");
        Assert.Contains(page.Examples[0].Code, (string)help["ExampleCode"]!, StringComparison.Ordinal);

        var shown = (string[])help["Parameters"]!;
        Assert.Equal(CmdletContract.Named(cmdlet).DocumentedParameterNames.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        var pipeline = (Hashtable)help["Pipeline"]!;
        foreach (var declared in CmdletContract.Named(cmdlet).Parameters)
        {
            Assert.Equal(declared.PipelineInput, pipeline[declared.Name]);
        }
    }

    [Fact]
    public void TheAboutTopicResolves()
    {
        var result = host.Run("""
            $topic = Get-Help -Name about_CometRunway -ErrorAction Stop
            [string]$topic.Category
            [string]$topic
            """);

        Assert.True(result.Terminating is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal("HelpFile", result.Output[0]);
        var text = string.Join("\n", result.Output.Skip(1));
        Assert.Contains("AUTHENTICATION", text, StringComparison.Ordinal);
        Assert.Contains("Wait-RunwayTask", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpFilesSitInTheCultureFolderBesideTheManifest()
    {
        var culture = Path.Combine(StagedModule.Directory, "en-US");
        Assert.True(File.Exists(Path.Combine(culture, "CometRunway.PowerShell.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(culture, "about_CometRunway.help.txt")));
    }

    /// <summary>One engine for the class: importing the module is the slow part.</summary>
    public sealed class Engine : IDisposable
    {
        public ModuleHost Host { get; } = new();

        public void Dispose() => Host.Dispose();
    }
}
