using CometRunway.HelpGen;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>The committed MAML and about_ text are exactly what the generator makes of the pages today.</summary>
public sealed class GeneratedHelpTests
{
    [Fact]
    public void TheCommittedHelpFilesAreUpToDate()
    {
        var generated = HelpGenerator.Generate(HelpSources.DocsDirectory);

        Assert.Contains(HelpGenerator.MamlFileName, generated.Keys);
        Assert.Contains("about_CometRunway.help.txt", generated.Keys);
        foreach (var (name, content) in generated)
        {
            var committed = Path.Combine(HelpSources.GeneratedDirectory, name);
            Assert.True(File.Exists(committed), $"module/en-US/{name} is missing; run: {HelpSources.RegenerateCommand}");
            Assert.True(
                File.ReadAllText(committed) == content,
                $"module/en-US/{name} is stale: the docs changed since it was generated. Run: {HelpSources.RegenerateCommand}");
        }
    }

    [Fact]
    public void GeneratingTwiceGivesTheSameBytes() =>
        Assert.Equal(HelpGenerator.Generate(HelpSources.DocsDirectory), HelpGenerator.Generate(HelpSources.DocsDirectory));

    [Fact]
    public void TheMamlIsWellFormedAndHoldsEveryCmdlet()
    {
        var maml = System.Xml.Linq.XDocument.Parse(HelpGenerator.Generate(HelpSources.DocsDirectory)[HelpGenerator.MamlFileName]);
        System.Xml.Linq.XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        var names = maml.Descendants(command + "details").Select(d => (string)d.Element(command + "name")!);
        Assert.Equal(CmdletContract.All.Select(c => c.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }
}
