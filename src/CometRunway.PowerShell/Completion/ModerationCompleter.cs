using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes -PublicFigureThreshold with the values Runway documents for <c>contentModeration.publicFigureThreshold</c>.</summary>
public sealed class ModerationCompleter : IArgumentCompleter
{
    private static readonly (string, string)[] Thresholds = [("auto", "auto: Runway's default moderation"), ("low", "low: less strict about recognizable public figures")];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Results(Thresholds, wordToComplete);
}
