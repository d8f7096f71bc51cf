using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes -RunwayVersion with the X-Runway-Version dates Runway has published, newest first.</summary>
public sealed class RunwayVersionCompleter : IArgumentCompleter
{
    internal static readonly IReadOnlyList<(string Version, string Description)> KnownVersions =
    [
        ("2024-11-06", "Current Runway API version"),
        ("2024-09-13", "Earlier Runway API version"),
    ];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(KnownVersions.Select(v => v.Version), wordToComplete)
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, KnownVersions.First(k => k.Version == v).Description));
}
