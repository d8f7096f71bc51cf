using System.Collections;
using System.Management.Automation;
using System.Reflection;
using CometRunway.PowerShell.Commands;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Tests.Contract;

public sealed class CmdletContractTests
{
    public static TheoryData<Type> Cmdlets => new(CmdletTypes.All);

    [Fact]
    public void TheModuleHasTheCmdletsTheMissionNames() =>
        Assert.Superset(
            new HashSet<string> { "Get-RunwayTask", "Get-RunwayFeedTask", "Wait-RunwayTask", "Save-RunwayOutput", "Connect-CometApi", "Disconnect-CometApi" },
            CmdletTypes.All.Select(CmdletTypes.NameOf).ToHashSet());

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void VerbIsApprovedAndClassIsNamedAfterTheCmdlet(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        Assert.Contains(attribute.VerbName, CmdletTypes.ApprovedVerbs);
        Assert.Equal(attribute.VerbName + attribute.NounName + "Command", type.Name);
        Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        Assert.Equal("CometRunway.PowerShell.Commands", type.Namespace);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void DeclaresItsOutputType(Type type) => Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>());

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void DefaultParameterSetExistsWhenOneIsNamed(Type type)
    {
        var defaultSet = type.GetCustomAttribute<CmdletAttribute>()!.DefaultParameterSetName;
        if (defaultSet is null)
        {
            return;
        }

        var sets = CmdletTypes.Parameters(type).SelectMany(p => p.GetCustomAttributes<ParameterAttribute>()).Select(a => a.ParameterSetName);
        Assert.Contains(defaultSet, sets);
    }

    /// <summary>
    /// Run without arguments, the command prompts for ids (Id[0]:), so the id parameter is the mandatory first
    /// position of the default set. It takes nothing from the pipeline: what is piped binds to -InputObject whole,
    /// so a live task keeps its object (PowerShell tries the default set first and would bind its Id alone).
    /// </summary>
    [Theory]
    [InlineData(typeof(GetRunwayTaskCommand), "Id", new[] { "TaskId", "task_id" })]
    [InlineData(typeof(GetRunwayFeedTaskCommand), "TaskId", new[] { "Id", "task_id" })]
    [InlineData(typeof(WaitRunwayTaskCommand), "Id", new[] { "TaskId", "task_id" })]
    public void TaskIdsAreTheMandatoryFirstPositionOfTheDefaultSetWithTheCommonAliases(Type type, string name, string[] aliases)
    {
        var property = type.GetProperty(name)!;
        var parameter = Assert.Single(property.GetCustomAttributes<ParameterAttribute>());
        Assert.Equal(type.GetCustomAttribute<CmdletAttribute>()!.DefaultParameterSetName, parameter.ParameterSetName);
        Assert.True(parameter.Mandatory);
        Assert.Equal(0, parameter.Position);
        Assert.False(parameter.ValueFromPipeline || parameter.ValueFromPipelineByPropertyName);
        Assert.Equal(aliases, property.GetCustomAttribute<AliasAttribute>()!.AliasNames);
        Assert.Equal(typeof(string[]), property.PropertyType);
    }

    /// <summary>
    /// Everything piped (live and deserialized tasks, ids, Import-Csv rows, hashtables) binds to -InputObject, which
    /// reads it (TaskInput): Id, TaskId or task_id, Format or Route, BaseUri, and for saving, Output and Status.
    /// </summary>
    [Theory]
    [InlineData(typeof(GetRunwayTaskCommand))]
    [InlineData(typeof(GetRunwayFeedTaskCommand))]
    [InlineData(typeof(WaitRunwayTaskCommand))]
    [InlineData(typeof(SaveRunwayOutputCommand))]
    public void EverythingPipedBindsToInputObject(Type type)
    {
        var pipelineParameters = CmdletTypes.Parameters(type)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .ToList();

        var property = Assert.Single(pipelineParameters);
        Assert.Equal("InputObject", property.Name);
        Assert.Equal(typeof(PSObject[]), property.PropertyType);
        Assert.All(property.GetCustomAttributes<ParameterAttribute>(), parameter =>
        {
            Assert.True(parameter.ValueFromPipeline && parameter.Mandatory);
            Assert.False(parameter.ValueFromPipelineByPropertyName);
        });
    }

    [Fact]
    public void WaitTimeoutFollowsTheWaitProcessModel()
    {
        var timeout = typeof(WaitRunwayTaskCommand).GetProperty("Timeout")!;
        Assert.Equal(new[] { "TimeoutSec" }, timeout.GetCustomAttribute<AliasAttribute>()!.AliasNames);
        Assert.Equal(-1, timeout.GetCustomAttribute<ValidateRangeAttribute>()!.MinRange);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void EveryApiCommandTakesTheConnectionParameters(Type type)
    {
        if (!type.IsSubclassOf(typeof(ApiCommandBase)))
        {
            return;
        }

        var names = CmdletTypes.Parameters(type).Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "ApiKey", "BaseUri", "RunwayVersion", "RequestTimeoutSec", "MaximumRetryCount", "AllowUnencryptedAuthentication" }, names);
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletClasses()
    {
        var exported = ((IEnumerable)CmdletTypes.Manifest()["CmdletsToExport"]!).Cast<string>().Order();
        Assert.Equal(CmdletTypes.All.Select(CmdletTypes.NameOf).Order(), exported);
    }
}
