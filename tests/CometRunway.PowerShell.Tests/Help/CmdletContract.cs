using System.Management.Automation;
using System.Reflection;
using CometRunway.PowerShell.Commands;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>A cmdlet's parameters as its attributes declare them, to hold the help pages against.</summary>
internal sealed record CmdletContract(string Name, Type Type, CmdletAttribute Attribute, IReadOnlyList<DeclaredParameter> Parameters)
{
    public static IReadOnlyList<CmdletContract> All { get; } =
        typeof(GetRunwayTaskCommand).Assembly.GetExportedTypes()
            .Select(type => (type, attribute: type.GetCustomAttribute<CmdletAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => new CmdletContract(
                pair.attribute!.VerbName + "-" + pair.attribute.NounName,
                pair.type,
                pair.attribute,
                pair.type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any())
                    .Select(DeclaredParameter.From)
                    .ToList()))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in All)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    public static CmdletContract Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Every parameter a help page must document: the declared ones, plus -WhatIf and -Confirm with ShouldProcess.</summary>
    public IReadOnlyList<string> DocumentedParameterNames =>
        Parameters.Select(p => p.Name)
            .Concat(Attribute.SupportsShouldProcess ? ["WhatIf", "Confirm"] : [])
            .ToList();
}

internal sealed record DeclaredParameter(
    string Name,
    string TypeName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> ParameterSets,
    bool Required,
    string Position,
    string PipelineInput,
    bool AcceptsWildcards)
{
    public static DeclaredParameter From(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributes<ParameterAttribute>().ToList();
        var byValue = attributes.Any(a => a.ValueFromPipeline);
        var byName = attributes.Any(a => a.ValueFromPipelineByPropertyName);
        var position = attributes.Select(a => a.Position).FirstOrDefault(p => p != int.MinValue, int.MinValue);
        return new DeclaredParameter(
            property.Name,
            ShortTypeName(property.PropertyType),
            property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList(),
            attributes.Select(a => a.ParameterSetName).ToList(),
            attributes.Any(a => a.Mandatory),
            position == int.MinValue ? "Named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (byName, byValue) switch
            {
                (true, true) => "True (ByPropertyName, ByValue)",
                (true, false) => "True (ByPropertyName)",
                (false, true) => "True (ByValue)",
                _ => "False",
            },
            property.GetCustomAttribute<SupportsWildcardsAttribute>() is not null);
    }

    /// <summary>The type as platyPS writes it: the short name, with [] for arrays and without Nullable.</summary>
    private static string ShortTypeName(Type type)
    {
        if (type.IsArray)
        {
            return ShortTypeName(type.GetElementType()!) + "[]";
        }

        return Nullable.GetUnderlyingType(type) is { } inner ? ShortTypeName(inner) : type.Name;
    }
}
