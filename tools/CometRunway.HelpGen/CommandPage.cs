namespace CometRunway.HelpGen;

/// <summary>One cmdlet's help as read from its platyPS markdown page.</summary>
public sealed record CommandPage(
    string Name,
    string? OnlineVersion,
    string Synopsis,
    IReadOnlyList<SyntaxBlock> Syntax,
    string Description,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    string Notes,
    IReadOnlyList<LinkDoc> RelatedLinks);

/// <summary>One <c>### SetName</c> block of <c>## SYNTAX</c>, with the parameter names in the order the line shows them.</summary>
public sealed record SyntaxBlock(string ParameterSetName, bool IsDefault, IReadOnlyList<string> ParameterNames);

/// <summary>An example: its code (the page's code blocks), the output it documents (its <c>```output</c> blocks, or null) and the text around them.</summary>
public sealed record ExampleDoc(string Title, string Code, string? Output, string Remarks);

/// <summary>A <c>### -Name</c> section: its description and the facts of its yaml block.</summary>
public sealed record ParameterDoc(
    string Name,
    string Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool AcceptsWildcards)
{
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";

    public bool AcceptsPipelineInput => PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase);

    public bool InSet(string setName) =>
        ParameterSets.Any(set => set == "(All)" || string.Equals(set, setName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An entry of <c>## INPUTS</c> or <c>## OUTPUTS</c>: a type name and what it means.</summary>
public sealed record TypeDoc(string TypeName, string Description);

public sealed record LinkDoc(string Text, string Uri);
