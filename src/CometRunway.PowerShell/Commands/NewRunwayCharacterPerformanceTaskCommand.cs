using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that drive a character with a performance video (Act-Two): <c>POST /runwayml/v1/character_performance</c>.</summary>
[Cmdlet(VerbsCommon.New, "RunwayCharacterPerformanceTask", DefaultParameterSetName = CharacterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayCharacterPerformanceTaskCommand : ModeratedCreateCommandBase
{
    private const string CharacterSet = "Character";

    /// <summary>The character: an image or a video, as an HTTPS URL, a data URI or a local file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Alias("PSPath")]
    [AllowEmptyString]
    [TextOnly]
    public string? Character { get; set; }

    /// <summary>The performance to transfer: a video of 3 to 30 seconds, as an HTTPS URL, a data URI or a local file. Required.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Performance")]
    [AllowEmptyString]
    public string? Reference { get; set; }

    /// <summary>Whether -Character is an image or a video; told from a local file's content, image for a URL when not given.</summary>
    [Parameter]
    [ValidateSet("image", "video")]
    public string? CharacterType { get; set; }

    /// <summary>Also transfer body and hand movement, not only the face.</summary>
    [Parameter]
    public SwitchParameter BodyControl { get; set; }

    /// <summary>How strongly expressions are transferred, 1 to 5 (Runway's default when not given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public int? ExpressionIntensity { get; set; }

    /// <summary>The model id; the route's current default (act_two) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<CharacterPerformanceRequest>))]
    public string? Model { get; set; }

    /// <summary>The output's width:height, e.g. 1280:720.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("aspect_ratio")]
    [ArgumentCompleter(typeof(RatioCompleter<CharacterPerformanceRequest>))]
    public string? Ratio { get; set; }

    /// <summary>0 to 4294967295; the same seed and inputs give a similar result.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = CharacterSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public long? Seed { get; set; }

    protected override string MainInputName => nameof(Character);

    protected override CreateRequest Request(MediaInput? taskOutput)
    {
        var character = taskOutput ?? Media(Character, nameof(Character));
        var reference = Media(Reference, nameof(Reference));
        return new CharacterPerformanceRequest
        {
            Character = character is null ? null : PerformanceInput.From(character, Given(CharacterType)?.ToLowerInvariant()),
            Reference = reference is null ? null : PerformanceInput.From(reference, "video"),
            BodyControl = BodyControl.IsPresent ? true : null,
            ExpressionIntensity = ExpressionIntensity,
            Model = Given(Model) ?? new CharacterPerformanceRequest().Model,
            Ratio = Given(Ratio),
            Seed = Seed,
            ContentModeration = RequestedModeration,
            ExtraFields = ExtraFields,
            ValueUnwrapper = Unwrapper,
        };
    }
}
