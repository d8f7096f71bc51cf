using CometRunway.HelpGen;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>A malformed page fails the build with a message that names the file and the problem.</summary>
public sealed class HelpGenParserTests
{
    private const string MinimalPage = """
        ---
        external help file: CometRunway.PowerShell.dll-Help.xml
        Module Name: CometRunway
        online version:
        schema: 2.0.0
        ---

        # Test-Thing

        ## SYNOPSIS
        Tests a thing.

        ## SYNTAX

        ```
        Test-Thing [-Name] <String> [<CommonParameters>]
        ```

        ## DESCRIPTION
        First line
        continues here.

        Second paragraph.

        ## EXAMPLES

        ### Example 1: One
        ```powershell
        Test-Thing -Name a
        ```

        Explains it.

        ## PARAMETERS

        ### -Name
        The name.

        ```yaml
        Type: String
        Parameter Sets: (All)
        Aliases: N, TheName

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByValue)
        Accept wildcard characters: False
        ```

        ### CommonParameters
        Common.

        ## INPUTS

        ### System.String

        ## OUTPUTS

        ### None

        ## NOTES

        ## RELATED LINKS
        """;

    [Fact]
    public void ReadsTheFactsOfAPage()
    {
        var page = CommandPageParser.Parse(MinimalPage, "Test-Thing.md");

        Assert.Equal("Test-Thing", page.Name);
        Assert.Null(page.OnlineVersion);
        var parameter = Assert.Single(page.Parameters);
        Assert.Equal(("Name", "String", true, "0", "True (ByValue)"), (parameter.Name, parameter.Type, parameter.Required, parameter.Position, parameter.PipelineInput));
        Assert.Equal(["N", "TheName"], parameter.Aliases);
        Assert.Equal(["Name"], Assert.Single(page.Syntax).ParameterNames);
        Assert.Equal(("Example 1: One", "Test-Thing -Name a", "Explains it."), (page.Examples[0].Title, page.Examples[0].Code, page.Examples[0].Remarks));
        Assert.Equal(["First line continues here.", "Second paragraph."], MamlText.Paragraphs(page.Description));
    }

    [Theory]
    [InlineData("## SYNOPSIS\nTests a thing.\n", "", "'## SYNOPSIS' section is missing")]
    [InlineData("Accept pipeline input: True (ByValue)\n", "", "has no 'Accept pipeline input:' line")]
    [InlineData("### -Name\n", "### Name\n", "parameter headings look like '### -Name'")]
    public void ABrokenPageGetsAClearMessage(string remove, string insert, string expected)
    {
        var broken = MinimalPage.Replace(remove, insert, StringComparison.Ordinal);
        Assert.NotEqual(MinimalPage, broken);

        var error = Assert.Throws<HelpFormatException>(() => CommandPageParser.Parse(broken, "Test-Thing.md"));

        Assert.StartsWith("Test-Thing.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputBlockIsTheDocumentedOutputNotCode()
    {
        var withOutput = MinimalPage.Replace("Test-Thing -Name a\n```\n", "Test-Thing -Name a\n```\n\n```output\nWhat if: a\n```\n", StringComparison.Ordinal);
        Assert.NotEqual(MinimalPage, withOutput);

        var example = CommandPageParser.Parse(withOutput, "Test-Thing.md").Examples[0];
        var maml = MamlWriter.Write([CommandPageParser.Parse(withOutput, "Test-Thing.md")]);

        Assert.Equal(("Test-Thing -Name a", "What if: a", "Explains it."), (example.Code, example.Output, example.Remarks));
        Assert.Contains("<dev:code>Test-Thing -Name a</dev:code>", maml, StringComparison.Ordinal);
        Assert.Contains("<maml:para>What if: a</maml:para>", maml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAboutTopicsExamplesAreItsSectionsWithCode()
    {
        const string topic = "# about_Thing\n\n## LONG DESCRIPTION\n\n### PROSE\nNo code.\n\n### USE\nText.\n```powershell\nTest-Thing\n```\n```output\nok\n```\n";

        var example = Assert.Single(CommandPageParser.ReadTopicExamples(topic));

        Assert.Equal(("USE", "Test-Thing", "ok"), (example.Title, example.Code, example.Output));
    }

    [Fact]
    public void CrLfAndLfPagesGiveTheSameMaml()
    {
        var lf = MamlWriter.Write([CommandPageParser.Parse(MinimalPage, "a.md")]);
        var crlf = MamlWriter.Write([CommandPageParser.Parse(MinimalPage.Replace("\n", "\r\n"), "a.md")]);
        Assert.Equal(lf, crlf);
        Assert.DoesNotContain("\r", lf);
    }
}
