using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes task ids this runspace has already read, most recent first. Never calls the network.</summary>
public sealed class TaskIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(RunspaceState.Current.RecentTaskIds(), wordToComplete)
            .Select(id => new CompletionResult(CompletionText.Quote(id), id, CompletionResultType.ParameterValue, id));
}
