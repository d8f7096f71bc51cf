using System.Net;
using System.Text.RegularExpressions;
using CometRunway.Core.Downloading;
using CometRunway.Core.Retry;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>
/// Save-RunwayOutput's page states the download retry rule with the numbers of the option defaults, so a change
/// of a default fails here until the sentence follows it.
/// </summary>
public sealed partial class DownloadRetryHelpTests
{
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly RunwayDownloaderOptions Defaults = new();

    private static string Description => HelpSources.ReadPage("Save-RunwayOutput").Description;

    [Fact]
    public void TheStallRuleIsTheDefaultWindowAndBytes()
    {
        var kib = Defaults.Stall.MinimumBytes / 1024;
        var seconds = (int)Defaults.Stall.Window.TotalSeconds;

        Assert.Contains($"less than {kib} KiB in {seconds} seconds", Description, StringComparison.Ordinal);
        Assert.Contains($"takes the file at least {kib} KiB further than any attempt before starts", Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTimeBudgetAndPausesAreTheDefaultPolicy()
    {
        var retry = Defaults.Retry;
        var minutes = NumberWords[(int)retry.Budget.TotalMinutes];

        Assert.Equal(int.MaxValue, retry.MaxAttempts);
        Assert.Contains($"while {minutes} minutes of failing allow", Description, StringComparison.Ordinal);
        Assert.Contains("there is no fixed number of attempts for a file that can resume", Description, StringComparison.Ordinal);
        Assert.Contains($"is tried at most {NumberWords[Defaults.MaxWholeFileAttempts]} times", Description, StringComparison.Ordinal);
        Assert.Contains($"{(int)retry.BaseDelay.TotalSeconds} second doubling to {(int)retry.MaxDelay.TotalSeconds}",
            Description, StringComparison.Ordinal);
        Assert.Contains($"{minutes}-minute retry budget", HelpSources.ReadPage("Save-RunwayOutput").Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRetriedStatusesAreTheTransientOnes()
    {
        var match = StatusList().Match(Description);
        Assert.True(match.Success, "The description names no 'transient answer (HTTP ...)' list.");
        var stated = Regex.Matches(match.Groups["codes"].Value, @"\d{3}").Select(code => int.Parse(code.Value)).ToList();

        var transient = Enumerable.Range(100, 500).Where(code => Transient.IsTransientStatus((HttpStatusCode)code)).ToList();

        Assert.Equal(transient, stated);
    }

    [GeneratedRegex(@"transient answer \(HTTP (?<codes>[\d, or]+)\)")]
    private static partial Regex StatusList();
}
