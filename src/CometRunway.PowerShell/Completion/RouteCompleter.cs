using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes New-RunwayTask -Route with the routes CometAPI documents; any other path under the base address is accepted too.</summary>
public sealed class RouteCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Results(CreateRoute.Documented.Select(route => (route.Name, $"{route} ({route.Format} tasks)")), wordToComplete);
}
