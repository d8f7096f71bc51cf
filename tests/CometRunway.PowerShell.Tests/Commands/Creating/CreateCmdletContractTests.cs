using System.Collections;
using System.Management.Automation;
using System.Reflection;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Commands;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;
using CometRunway.PowerShell.Tests.Contract;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>The shape every create cmdlet shares, read from the attributes.</summary>
public sealed class CreateCmdletContractTests
{
    private static readonly Type[] Creating = CmdletTypes.All.Where(t => t.IsSubclassOf(typeof(CreateCommandBase))).ToArray();

    public static TheoryData<Type> CreateCmdlets => new(Creating);

    public static TheoryData<Type> TypedCmdlets => new(Creating.Where(t => t.IsSubclassOf(typeof(TypedCreateCommandBase))));

    public static TheoryData<Type> MediaCmdlets => new(Creating.Where(t => t.IsSubclassOf(typeof(MediaCreateCommandBase))));

    [Fact]
    public void EveryDocumentedRouteHasACmdletAndAnyRouteHasNewRunwayTask()
    {
        Assert.Equal(9, Creating.Length);
        Assert.Equal(8, Creating.Count(t => t.IsSubclassOf(typeof(MediaCreateCommandBase))));
        Assert.Contains(typeof(NewRunwayTaskCommand), Creating);
    }

    [Theory]
    [MemberData(nameof(CreateCmdlets))]
    public void CreatingCostsMoneySoItConfirmsAtMediumImpactAndWritesTasks(Type type)
    {
        var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
        Assert.Equal((VerbsCommon.New, true, ConfirmImpact.Medium), (cmdlet.VerbName, cmdlet.SupportsShouldProcess, cmdlet.ConfirmImpact));
        Assert.Equal(typeof(RunwayTask), Assert.Single(type.GetCustomAttribute<OutputTypeAttribute>()!.Type).Type);
        Assert.Equal(CreateDefaults.MaxConcurrency, ((CreateCommandBase)Activator.CreateInstance(type)!).ThrottleLimit);
    }

    /// <summary>
    /// The set a user types (and is prompted for) is the default; only a task binds to -InputObject, which is not
    /// mandatory (a second set with a mandatory pipeline parameter makes the engine pick the default set before any
    /// input arrives), and nothing else of a piped task binds, so its own Model and Prompt are never reused.
    /// </summary>
    [Theory]
    [MemberData(nameof(MediaCmdlets))]
    public void TheTypedSetIsTheDefaultAndOnlyATaskBindsToInputObject(Type type)
    {
        var defaultSet = type.GetCustomAttribute<CmdletAttribute>()!.DefaultParameterSetName;
        Assert.NotEqual("InputObject", defaultSet);
        var inputObject = type.GetProperty("InputObject")!;
        Assert.NotNull(inputObject.GetCustomAttribute<TaskObjectOnlyAttribute>());
        Assert.All(inputObject.GetCustomAttributes<ParameterAttribute>(), a => Assert.False(a.Mandatory));
        foreach (var property in CmdletTypes.Parameters(type).Where(p => p.Name != "InputObject"))
        {
            var inInputObjectSet = property.GetCustomAttributes<ParameterAttribute>().Where(a => a.ParameterSetName is "InputObject" or ParameterAttribute.AllParameterSets);
            Assert.All(inInputObjectSet, a => Assert.False(a.ValueFromPipeline || a.ValueFromPipelineByPropertyName, $"{type.Name}.{property.Name} binds from a piped task"));
            Assert.All(inInputObjectSet, a => Assert.False(a.Mandatory, $"{type.Name}.{property.Name} is mandatory with -InputObject"));
        }
    }

    /// <summary>Text piped in binds to one parameter of the default set, and only text does (a row binds by its columns).</summary>
    [Theory]
    [MemberData(nameof(MediaCmdlets))]
    public void TextBindsByValueToOneParameterOfTheDefaultSet(Type type)
    {
        var defaultSet = type.GetCustomAttribute<CmdletAttribute>()!.DefaultParameterSetName;
        var byValue = CmdletTypes.Parameters(type)
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ParameterSetName == defaultSet && a.ValueFromPipeline))
            .ToList();
        Assert.NotNull(Assert.Single(byValue).GetCustomAttribute<TextOnlyAttribute>());
    }

    [Theory]
    [MemberData(nameof(TypedCmdlets))]
    public void RequiredParametersAreMandatoryAndAcceptAnEmptyCellSoTheErrorNamesIt(Type type)
    {
        var mandatory = CmdletTypes.Parameters(type)
            .Where(p => p.Name != "InputObject" && p.GetCustomAttributes<ParameterAttribute>().Any(a => a.Mandatory))
            .ToList();

        Assert.NotEmpty(mandatory);
        Assert.All(mandatory, p => Assert.NotNull(p.GetCustomAttribute<AllowEmptyStringAttribute>()));
        Assert.All(mandatory, p => Assert.True(p.GetCustomAttributes<ParameterAttribute>().Single(a => a.Mandatory).ValueFromPipelineByPropertyName));
    }

    [Theory]
    [MemberData(nameof(CreateCmdlets))]
    public void NumbersTreatAnEmptyCellAsNotGiven(Type type)
    {
        // Only what binds from a CSV row can meet an empty cell: the request settings come from the command line or the session.
        foreach (var property in CmdletTypes.Parameters(type).Where(p => Nullable.GetUnderlyingType(p.PropertyType) is { IsPrimitive: true }
            && p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName)))
        {
            Assert.True(property.GetCustomAttribute<EmptyAsNullAttribute>() is not null, $"{type.Name}.{property.Name}: an empty CSV cell would bind as 0");
        }
    }

    [Fact]
    public void EveryCreateErrorKindAndRefusalHasItsOwnId()
    {
        var ids = Enum.GetValues<CreateErrorKind>()
            .SelectMany(kind => Enum.GetValues<CreateRefusal>().Select(refusal => new RunwayCreateException(kind, "x") { Refusal = refusal }))
            .Select(error => (error.Kind, error.Refusal, ErrorIds.Of(error).Id))
            .ToList();

        Assert.Equal(Enum.GetValues<CreateErrorKind>().Length, ids.Where(i => i.Refusal == CreateRefusal.None).Select(i => i.Id).Distinct().Count());
        Assert.Equal(Enum.GetValues<CreateRefusal>().Length, ids.Where(i => i.Kind == CreateErrorKind.Refused).Select(i => i.Id).Distinct().Count());
        Assert.Equal("RunwayCreateOutcomeUnknown", ErrorIds.Of(new RunwayCreateException(CreateErrorKind.OutcomeUnknown, "x")).Id);
        Assert.Equal(ErrorIds.Of(CometRunway.Core.Http.RunwayErrorKind.Authentication).Id, ErrorIds.Of(new RunwayCreateException(CreateErrorKind.Authentication, "x")).Id);
    }

    [Fact]
    public void ModelsAndRatiosCompleteFromTheRoutesVocabularyWithTheDefaultFirst()
    {
        var models = new ModelCompleter<ImageToVideoRequest>().CompleteArgument("New-RunwayImageToVideoTask", "Model", "gen", null!, new Hashtable()).ToList();
        var ratios = new RatioCompleter<TextToImageRequest>().CompleteArgument("New-RunwayTextToImageTask", "Ratio", "1920", null!, new Hashtable()).ToList();
        var routes = new RouteCompleter().CompleteArgument("New-RunwayTask", "Route", "pro", null!, new Hashtable()).Select(r => r.CompletionText).ToList();

        Assert.Equal("gen4_turbo", models[0].CompletionText);
        Assert.Contains("default", models[0].ToolTip);
        Assert.Contains(models, m => m.CompletionText == "gen4.5");
        Assert.DoesNotContain(models, m => m.CompletionText == "gen3a_turbo");
        Assert.Equal(["1920:1080"], ratios.Select(r => r.CompletionText));
        Assert.Equal(["pro/generate", "pro/video2video", "pro/act_one"], routes);
    }
}
