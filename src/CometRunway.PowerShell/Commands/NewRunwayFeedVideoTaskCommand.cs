using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that make a video from text, or from an image and text: <c>POST /runway/pro/generate</c> (compatibility format).</summary>
[Cmdlet(VerbsCommon.New, "RunwayFeedVideoTask", DefaultParameterSetName = PromptTextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayFeedVideoTaskCommand : MediaCreateCommandBase
{
    private const string PromptTextSet = "PromptText";

    /// <summary>What the video shows (or, with -Image, how the image moves). Required.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Prompt", "prompt_text")]
    [AllowNull]
    [AllowEmptyString]
    [TextOnly]
    public string? PromptText { get; set; }

    /// <summary>The start image: an HTTPS URL, a data URI or a local image file (or a succeeded image task piped in). Without it the video is made from text alone.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Alias("PromptImage", "PSPath")]
    public string? Image { get; set; }

    /// <summary>The wrapper's model name; gen4 when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<ProGenerateRequest>))]
    public string? Model { get; set; }

    /// <summary>The output's width:height, e.g. 1280:720.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("aspect_ratio")]
    [ArgumentCompleter(typeof(RatioCompleter<ProGenerateRequest>))]
    public string? Ratio { get; set; }

    /// <summary>A style word such as cinematic.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    public string? Style { get; set; }

    /// <summary>Seconds of video (options.seconds), 1 to 10; 5 when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PromptTextSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Seconds")]
    [EmptyAsNull]
    public int? Duration { get; set; }

    /// <summary>Camera motion (options.motion_vector), e.g. @{ Y = 0.4; R = -6 }; none when not given.</summary>
    [Parameter]
    public MotionVector? MotionVector { get; set; }

    /// <summary>Where CometAPI posts the finished task: an https URL. When not given, a placeholder that posts nowhere.</summary>
    [Parameter]
    [Alias("callback_url")]
    public string? CallbackUri { get; set; }

    protected override string MainInputName => nameof(Image);

    protected override string ParameterFor(string requestProperty) => requestProperty switch
    {
        nameof(ProGenerateRequest.Prompt) => nameof(PromptText),
        nameof(ProGenerateRequest.Seconds) => nameof(Duration),
        nameof(ProGenerateRequest.CallbackUrl) => nameof(CallbackUri),
        _ => base.ParameterFor(requestProperty),
    };

    protected override CreateRequest Request(MediaInput? taskOutput)
    {
        var defaults = new ProGenerateRequest();
        return new ProGenerateRequest
        {
            Prompt = Given(PromptText),
            Image = taskOutput ?? Media(Image, nameof(Image)),
            Model = Given(Model) ?? defaults.Model,
            Ratio = Given(Ratio),
            Style = Given(Style),
            Seconds = Duration ?? defaults.Seconds,
            MotionVector = MotionVector,
            CallbackUrl = Given(CallbackUri) ?? CreateDefaults.PlaceholderCallbackUrl,
            ExtraFields = ExtraFields,
            ValueUnwrapper = Unwrapper,
        };
    }
}
