using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that move a performance's expressions onto a character image (Act-One): <c>POST /runway/pro/act_one</c> (compatibility format).</summary>
[Cmdlet(VerbsCommon.New, "RunwayFeedActOneTask", DefaultParameterSetName = ImageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayFeedActOneTaskCommand : MediaCreateCommandBase
{
    private const string ImageSet = "Image";

    /// <summary>The character: an HTTPS URL, a data URI or a local image file (16:9).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
    [Alias("Character", "PSPath")]
    [AllowEmptyString]
    [TextOnly]
    public string? Image { get; set; }

    /// <summary>The performance: an HTTPS URL, a data URI or a local video file (16:9, short and steady). Required.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Performance")]
    [AllowEmptyString]
    public string? Video { get; set; }

    /// <summary>Where CometAPI posts the finished task: an https URL. When not given, a placeholder that posts nowhere.</summary>
    [Parameter]
    [Alias("callback_url")]
    public string? CallbackUri { get; set; }

    protected override string MainInputName => nameof(Image);

    protected override string ParameterFor(string requestProperty) =>
        requestProperty == nameof(ProActOneRequest.CallbackUrl) ? nameof(CallbackUri) : base.ParameterFor(requestProperty);

    protected override CreateRequest Request(MediaInput? taskOutput) => new ProActOneRequest
    {
        Image = taskOutput ?? Media(Image, nameof(Image)),
        Video = Media(Video, nameof(Video)),
        CallbackUrl = Given(CallbackUri) ?? CreateDefaults.PlaceholderCallbackUrl,
        ExtraFields = ExtraFields,
        ValueUnwrapper = Unwrapper,
    };
}
