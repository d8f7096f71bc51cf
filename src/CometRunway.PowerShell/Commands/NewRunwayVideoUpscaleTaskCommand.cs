using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that upscale a video: <c>POST /runwayml/v1/video_upscale</c>.</summary>
[Cmdlet(VerbsCommon.New, "RunwayVideoUpscaleTask", DefaultParameterSetName = VideoSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayVideoUpscaleTaskCommand : MediaCreateCommandBase
{
    private const string VideoSet = "Video";

    /// <summary>The video to upscale: an HTTPS URL, a data URI, or a local MP4, MOV or WebM file (sent inline, at most 16 MB encoded).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Alias("VideoUri", "video_uri", "PSPath")]
    [AllowEmptyString]
    [TextOnly]
    public string? Video { get; set; }

    /// <summary>The model id; the route's current default (magnific_video_upscaler_creative) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<VideoUpscaleRequest>))]
    public string? Model { get; set; }

    protected override string MainInputName => nameof(Video);

    protected override string ParameterFor(string requestProperty) =>
        requestProperty == nameof(VideoUpscaleRequest.VideoUri) ? nameof(Video) : base.ParameterFor(requestProperty);

    protected override CreateRequest Request(MediaInput? taskOutput) => new VideoUpscaleRequest
    {
        VideoUri = taskOutput ?? Media(Video, nameof(Video)),
        Model = Given(Model) ?? new VideoUpscaleRequest().Model,
        ExtraFields = ExtraFields,
        ValueUnwrapper = Unwrapper,
    };
}
