using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Completion;

/// <summary>Completes -Model with the current models of the route <typeparamref name="TRequest"/> creates on, the default first.</summary>
/// <remarks>A hint, never a limit: any model id is sent as given, since providers add and retire models every few months.</remarks>
public sealed class ModelCompleter<TRequest> : IArgumentCompleter
    where TRequest : CreateRequest, new()
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var vocabulary = RouteVocabulary.For(new TRequest().Route);
        return CompletionText.Results(
            vocabulary.Models.Select(model => (model, model == vocabulary.DefaultModel ? $"{model} (the default)" : model)),
            wordToComplete);
    }
}
