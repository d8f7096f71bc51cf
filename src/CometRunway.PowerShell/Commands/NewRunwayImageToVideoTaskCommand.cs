using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that make a video from an image: <c>POST /runwayml/v1/image_to_video</c>.</summary>
[Cmdlet(VerbsCommon.New, "RunwayImageToVideoTask", DefaultParameterSetName = PromptImageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayImageToVideoTaskCommand : ModeratedCreateCommandBase
{
    private const string PromptImageSet = "PromptImage";

    /// <summary>The first frame: an HTTPS URL, a data URI, or a local PNG, JPEG or WebP file (sent inline, at most 5 MB encoded).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Alias("Image", "prompt_image", "PSPath")]
    [AllowEmptyString]
    [TextOnly]
    public string? PromptImage { get; set; }

    /// <summary>What should happen in the video, at most 1000 characters.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Prompt", "prompt_text")]
    public string? PromptText { get; set; }

    /// <summary>The model id; the route's current default (gen4_turbo) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<ImageToVideoRequest>))]
    public string? Model { get; set; }

    /// <summary>The output's width:height, e.g. 1280:720 (the default).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("aspect_ratio")]
    [ArgumentCompleter(typeof(RatioCompleter<ImageToVideoRequest>))]
    public string? Ratio { get; set; }

    /// <summary>Seconds of video, 2 to 10; the model's default when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public int? Duration { get; set; }

    /// <summary>0 to 4294967295; the same seed and inputs give a similar result.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public long? Seed { get; set; }

    /// <summary>
    /// watermark: -Watermark sends true, -Watermark:$false sends false, and without it the field is not sent. Runway
    /// dropped the field in 2025; CometAPI still lists it.
    /// </summary>
    [Parameter]
    public SwitchParameter Watermark { get; set; }

    protected override string MainInputName => nameof(PromptImage);

    protected override CreateRequest Request(MediaInput? taskOutput)
    {
        var defaults = new ImageToVideoRequest();
        return new ImageToVideoRequest
        {
            PromptImage = taskOutput ?? Media(PromptImage, nameof(PromptImage)),
            PromptText = Given(PromptText),
            Model = Given(Model) ?? defaults.Model,
            Ratio = Given(Ratio) ?? defaults.Ratio,
            Duration = Duration,
            Seed = Seed,
            Watermark = MyInvocation.BoundParameters.ContainsKey(nameof(Watermark)) ? Watermark.IsPresent : null,
            ContentModeration = RequestedModeration,
            ExtraFields = ExtraFields,
            ValueUnwrapper = Unwrapper,
        };
    }
}
