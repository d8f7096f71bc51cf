using System.Management.Automation;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>Every cmdlet has a page, and every page tells the truth about the cmdlet's parameters.</summary>
public sealed class HelpPageCoverageTests
{
    private static readonly string[] CommonParameterNames =
    [
        "Debug", "ErrorAction", "ErrorVariable", "InformationAction", "InformationVariable", "OutVariable",
        "OutBuffer", "PipelineVariable", "ProgressAction", "Verbose", "WarningAction", "WarningVariable",
    ];

    [Fact]
    public void TheCmdletAssemblyExportsCmdlets() => Assert.NotEmpty(CmdletContract.All);

    [Theory]
    [MemberData(nameof(CmdletContract.Names), MemberType = typeof(CmdletContract))]
    public void EveryCmdletHasAPageWithTheRequiredSections(string cmdlet)
    {
        Assert.True(File.Exists(HelpSources.PagePath(cmdlet)), $"{cmdlet} has no help page: add docs/en-US/{cmdlet}.md.");
        var page = HelpSources.ReadPage(cmdlet);

        Assert.Equal(cmdlet, page.Name);
        Assert.False(string.IsNullOrWhiteSpace(page.Synopsis), $"{cmdlet}: empty SYNOPSIS.");
        Assert.False(string.IsNullOrWhiteSpace(page.Description), $"{cmdlet}: empty DESCRIPTION.");
        Assert.True(page.Examples.Count >= 3, $"{cmdlet}: {page.Examples.Count} example(s); at least 3 are required.");
        Assert.All(page.Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Remarks), $"{cmdlet}, {e.Title}: no explanation."));
        Assert.NotEmpty(page.Inputs);
        Assert.NotEmpty(page.Outputs);
    }

    [Theory]
    [MemberData(nameof(CmdletContract.Names), MemberType = typeof(CmdletContract))]
    public void EveryParameterIsDocumentedAndEveryDocumentedParameterExists(string cmdlet)
    {
        var contract = CmdletContract.Named(cmdlet);
        var documented = HelpSources.ReadPage(cmdlet).Parameters.Select(p => p.Name).ToList();

        var undocumented = contract.DocumentedParameterNames.Except(documented, StringComparer.Ordinal).ToList();
        var invented = documented.Except(contract.DocumentedParameterNames, StringComparer.Ordinal).ToList();

        Assert.True(undocumented.Count == 0, $"{cmdlet}.md has no '### -Name' section for: {string.Join(", ", undocumented)}.");
        Assert.True(invented.Count == 0, $"{cmdlet}.md documents parameters the cmdlet does not have: {string.Join(", ", invented)}.");
        Assert.DoesNotContain(documented, CommonParameterNames.Contains);
        Assert.Equal(documented.Count, documented.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(CmdletContract.Names), MemberType = typeof(CmdletContract))]
    public void TheYamlFactsMatchTheParameterAttributes(string cmdlet)
    {
        var page = HelpSources.ReadPage(cmdlet);
        foreach (var declared in CmdletContract.Named(cmdlet).Parameters)
        {
            var doc = page.Parameters.Single(p => p.Name == declared.Name);
            var where = $"{cmdlet}.md, -{declared.Name}";
            Assert.True(declared.TypeName == doc.Type, $"{where}: Type is '{doc.Type}', the property is {declared.TypeName}.");
            Assert.True(
                declared.Aliases.Order(StringComparer.Ordinal).SequenceEqual(doc.Aliases.Order(StringComparer.Ordinal)),
                $"{where}: Aliases are '{string.Join(", ", doc.Aliases)}', the attribute says '{string.Join(", ", declared.Aliases)}'.");
            Assert.True(declared.PipelineInput == doc.PipelineInput, $"{where}: 'Accept pipeline input' is '{doc.PipelineInput}', should be '{declared.PipelineInput}'.");
            Assert.True(declared.Required == doc.Required, $"{where}: Required is {doc.Required}, the attribute says {declared.Required}.");
            Assert.True(declared.Position == doc.Position, $"{where}: Position is '{doc.Position}', the attribute says '{declared.Position}'.");
            Assert.True(declared.AcceptsWildcards == doc.AcceptsWildcards, $"{where}: 'Accept wildcard characters' is {doc.AcceptsWildcards}, [SupportsWildcards] says {declared.AcceptsWildcards}.");

            var declaredSets = declared.ParameterSets.Select(s => s == ParameterAttribute.AllParameterSets ? "(All)" : s).Order(StringComparer.Ordinal);
            Assert.True(
                declaredSets.SequenceEqual(doc.ParameterSets.Order(StringComparer.Ordinal)),
                $"{where}: 'Parameter Sets' is '{string.Join(", ", doc.ParameterSets)}', the attributes say '{string.Join(", ", declaredSets)}'.");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletContract.Names), MemberType = typeof(CmdletContract))]
    public void TheSyntaxShowsEveryParameterSetWithItsParameters(string cmdlet)
    {
        var contract = CmdletContract.Named(cmdlet);
        var page = HelpSources.ReadPage(cmdlet);
        var sets = contract.Parameters.SelectMany(p => p.ParameterSets).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().ToList();
        if (sets.Count == 0)
        {
            sets.Add(contract.Attribute.DefaultParameterSetName ?? "__AllParameterSets");
        }

        Assert.Equal(sets.Order(StringComparer.Ordinal), page.Syntax.Select(s => s.ParameterSetName).Order(StringComparer.Ordinal));
        foreach (var block in page.Syntax)
        {
            var expected = contract.Parameters
                .Where(p => p.ParameterSets.Any(s => s == ParameterAttribute.AllParameterSets || s == block.ParameterSetName))
                .Select(p => p.Name)
                .Concat(contract.Attribute.SupportsShouldProcess ? ["WhatIf", "Confirm"] : []);
            Assert.Equal(expected.Order(StringComparer.Ordinal), block.ParameterNames.Order(StringComparer.Ordinal));
            Assert.Equal(block.ParameterSetName == contract.Attribute.DefaultParameterSetName && page.Syntax.Count > 1, block.IsDefault);
        }
    }

    [Fact]
    public void ARunwayVersionIsDefaultedTheSameOnEveryPage()
    {
        var defaults = CmdletContract.All
            .Select(c => (c.Name, HelpSources.ReadPage(c.Name).Parameters.SingleOrDefault(p => p.Name == "RunwayVersion")))
            .Where(page => page.Item2 is not null)
            .Select(page => $"{page.Name}: {page.Item2!.DefaultValue}")
            .ToList();

        Assert.True(defaults.Count >= 10, string.Join("; ", defaults));
        Assert.All(defaults, line => Assert.EndsWith(": " + Core.Http.RunwayClientOptions.DefaultRunwayVersion, line));
    }

    [Fact]
    public void EveryCmdletPageBelongsToACmdlet()
    {
        var pages = Directory.EnumerateFiles(HelpSources.DocsDirectory, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.StartsWith("about_", StringComparison.Ordinal));
        Assert.Equal(CmdletContract.All.Select(c => c.Name).Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheAboutTopicCoversWhatAnAdminNeeds()
    {
        var text = File.ReadAllText(Path.Combine(HelpSources.DocsDirectory, "about_CometRunway.md"));
        foreach (var heading in new[] { "## SHORT DESCRIPTION", "## LONG DESCRIPTION", "### AUTHENTICATION", "### FORMATS AND VERSIONS", "### WAITING", "### DOWNLOADS", "### RUNBOOKS", "### TROUBLESHOOTING" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        foreach (var cmdlet in CmdletContract.All)
        {
            Assert.Contains(cmdlet.Name, text, StringComparison.Ordinal);
        }
    }
}
