using System.Reflection;
using System.Text.RegularExpressions;
using CometRunway.Core.Configuration;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>
/// The help and the code speak one error vocabulary. A cmdlet page lists its error ids in NOTES as bullets
/// whose head (before the first colon) holds ids only: <c>- RunwayTaskFailed: ...</c>,
/// <c>- RunwayServerError, RunwayNetworkError: ...</c>, <c>- ForceAndNoClobber (terminating): ...</c>.
/// </summary>
public sealed partial class ErrorIdTests
{
    private static readonly IReadOnlySet<string> Constants = typeof(ErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryConstantIsItsOwnNameInPascalCase() =>
        Assert.All(typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral), field =>
        {
            Assert.Equal(field.Name, field.GetRawConstantValue());
            Assert.Matches(PascalCase(), field.Name);
        });

    [Fact]
    public void EveryIdTheHelpNamesExists()
    {
        var unknown = HelpNamedIds().Where(named => !Constants.Contains(named.Id)).Select(named => $"{named.Id} ({named.Page})").ToList();

        Assert.True(unknown.Count == 0, "The help names ids the code never writes: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryIdIsExplainedOnACmdletPage()
    {
        var named = HelpNamedIds().Where(n => !n.Page.StartsWith("about_", StringComparison.Ordinal)).Select(n => n.Id).ToHashSet();

        var undocumented = Constants.Where(id => !named.Contains(id)).Order(StringComparer.Ordinal).ToList();

        Assert.True(undocumented.Count == 0, "No cmdlet page lists these ids in its NOTES: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void EveryCoreErrorKindHasItsOwnId()
    {
        var kinds = Enum.GetValues<RunwayErrorKind>().Select(ErrorIds.Of)
            .Concat(Enum.GetValues<DownloadErrorKind>().Select(ErrorIds.Of))
            .Concat(Enum.GetValues<ConfigurationErrorKind>().Select(ErrorIds.Of))
            .ToList();

        Assert.All(kinds, mapped => Assert.Contains(mapped.Id, Constants));
        Assert.Equal(Enum.GetValues<RunwayErrorKind>().Length, Enum.GetValues<RunwayErrorKind>().Select(k => ErrorIds.Of(k).Id).Distinct().Count());
        Assert.Equal(Enum.GetValues<DownloadErrorKind>().Length, Enum.GetValues<DownloadErrorKind>().Select(k => ErrorIds.Of(k).Id).Distinct().Count());
        Assert.Equal(Enum.GetValues<ConfigurationErrorKind>().Length, Enum.GetValues<ConfigurationErrorKind>().Select(k => ErrorIds.Of(k).Id).Distinct().Count());
    }

    [Fact]
    public void TheBulletParserReadsEveryFormThePagesUse()
    {
        var notes = "Intro.\n\n- RunwayTaskFailed: why.\n- RunwayServerError, RunwayNetworkError / RunwayRequestTimeout: why.\n"
            + "- ForceAndNoClobber (terminating): why.\n- RunwayTaskNotVisible (Get-*) or RunwayTaskNotFound (Wait-RunwayTask\n  after -NotFoundTimeoutSec): the server.\n";

        Assert.Equal(
            ["RunwayTaskFailed", "RunwayServerError", "RunwayNetworkError", "RunwayRequestTimeout", "ForceAndNoClobber", "RunwayTaskNotVisible", "RunwayTaskNotFound"],
            BulletHeadIds(notes));
    }

    /// <summary>The ids in the NOTES of every cmdlet page and the TROUBLESHOOTING list of about_CometRunway.</summary>
    private static List<(string Id, string Page)> HelpNamedIds()
    {
        var named = CmdletContract.All
            .SelectMany(cmdlet => BulletHeadIds(HelpSources.ReadPage(cmdlet.Name).Notes).Select(id => (id, cmdlet.Name)))
            .ToList();
        var about = File.ReadAllText(Path.Combine(HelpSources.DocsDirectory, "about_CometRunway.md"));
        var troubleshooting = about[about.IndexOf("### TROUBLESHOOTING", StringComparison.Ordinal)..about.IndexOf("## SEE ALSO", StringComparison.Ordinal)];
        named.AddRange(BulletHeadIds(troubleshooting).Select(id => (id, "about_CometRunway")));
        Assert.NotEmpty(named);
        return named;
    }

    private static List<string> BulletHeadIds(string text)
    {
        var ids = new List<string>();
        foreach (Match bullet in Bullet().Matches(text.Replace("\r\n", "\n")))
        {
            var head = Parenthesized().Replace(bullet.Groups["head"].Value, string.Empty);
            var words = Separator().Split(head.Trim()).Where(word => word.Length > 0).ToList();
            Assert.True(words.All(word => PascalCase().IsMatch(word)), $"A bullet head that is not a list of error ids: '{bullet.Groups["head"].Value}'.");
            ids.AddRange(words);
        }

        return ids;
    }

    // A bullet's head runs to the first ": ", across the indented lines of a wrapped item.
    [GeneratedRegex(@"^- (?<head>(?:[^:\n]|\n  )+?):(?: |\n|$)", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"\s*(?:,|/|\bor\b|\n)\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex PascalCase();
}
