using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that restyle a video by a prompt: <c>POST /runwayml/v1/video_to_video</c>.</summary>
[Cmdlet(VerbsCommon.New, "RunwayVideoToVideoTask", DefaultParameterSetName = VideoSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayVideoToVideoTaskCommand : ModeratedCreateCommandBase
{
    private const string VideoSet = "Video";

    /// <summary>The source video: an HTTPS URL, a data URI, or a local MP4, MOV or WebM file (sent inline, at most 16 MB encoded).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Alias("VideoUri", "video_uri", "PSPath")]
    [AllowEmptyString]
    [TextOnly]
    public string? Video { get; set; }

    /// <summary>How to change the video, at most 1000 characters. Required.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Prompt", "prompt_text")]
    [AllowEmptyString]
    public string? PromptText { get; set; }

    /// <summary>Images to guide the style (references of type image): HTTPS URLs, data URIs or local image files.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Reference")]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string[] ReferenceImage { get; set; } = Array.Empty<string>();

    /// <summary>The model id; the route's current default (aleph2) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<VideoToVideoRequest>))]
    public string? Model { get; set; }

    /// <summary>The output's width:height; ignored by Runway's current models (the output follows the video). Sent only when given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("aspect_ratio")]
    [ArgumentCompleter(typeof(RatioCompleter<VideoToVideoRequest>))]
    public string? Ratio { get; set; }

    /// <summary>0 to 4294967295; the same seed and inputs give a similar result.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public long? Seed { get; set; }

    protected override string MainInputName => nameof(Video);

    protected override string ParameterFor(string requestProperty) => requestProperty switch
    {
        nameof(VideoToVideoRequest.VideoUri) => nameof(Video),
        nameof(VideoToVideoRequest.References) => nameof(ReferenceImage),
        _ => base.ParameterFor(requestProperty),
    };

    protected override CreateRequest Request(MediaInput? taskOutput)
    {
        var references = Media(ReferenceImage, nameof(ReferenceImage));
        return new VideoToVideoRequest
        {
            VideoUri = taskOutput ?? Media(Video, nameof(Video)),
            PromptText = Given(PromptText),
            References = references.Count == 0 ? null : references.Select(image => new VideoReference { Uri = image }).ToList(),
            Model = Given(Model) ?? new VideoToVideoRequest().Model,
            Ratio = Given(Ratio),
            Seed = Seed,
            ContentModeration = RequestedModeration,
            ExtraFields = ExtraFields,
            ValueUnwrapper = Unwrapper,
        };
    }
}
