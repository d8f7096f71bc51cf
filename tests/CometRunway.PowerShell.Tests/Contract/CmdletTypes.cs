using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using CometRunway.PowerShell.Commands;

namespace CometRunway.PowerShell.Tests.Contract;

/// <summary>The cmdlet classes and the manifest, read from the assembly and the file themselves.</summary>
internal static class CmdletTypes
{
    public static IReadOnlyList<Type> All { get; } = typeof(GetRunwayTaskCommand).Assembly.GetExportedTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
        .OrderBy(t => t.Name)
        .ToArray();

    public static string NameOf(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        return attribute.VerbName + "-" + attribute.NounName;
    }

    public static IEnumerable<PropertyInfo> Parameters(Type type) =>
        type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any());

    public static IReadOnlySet<string> ApprovedVerbs { get; } = new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    public static string RepositoryFile(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CometRunway.PowerShell.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), relativePath);
    }

    /// <summary>The manifest's hashtable, evaluated safely (constants only) by PowerShell's own parser.</summary>
    public static Hashtable Manifest()
    {
        var ast = Parser.ParseFile(RepositoryFile("CometRunway.psd1"), out _, out var errors);
        Assert.Empty(errors);
        var table = (HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!;
        return (Hashtable)table.SafeGetValue();
    }
}
