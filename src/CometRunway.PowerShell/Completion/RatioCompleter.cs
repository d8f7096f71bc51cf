using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes -Ratio with the width:height ratios the models of <typeparamref name="TRequest"/>'s route are known to take.</summary>
public sealed class RatioCompleter<TRequest> : IArgumentCompleter
    where TRequest : CreateRequest, new()
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Results(RouteVocabulary.For(new TRequest().Route).Ratios.Select(ratio => (ratio, ratio)), wordToComplete);
}
