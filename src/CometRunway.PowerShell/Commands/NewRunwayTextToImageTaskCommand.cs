using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Creates Runway tasks that make an image from text and reference images: <c>POST /runwayml/v1/text_to_image</c>.</summary>
[Cmdlet(VerbsCommon.New, "RunwayTextToImageTask", DefaultParameterSetName = ReferenceImageSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayTextToImageTaskCommand : ModeratedCreateCommandBase
{
    private const string ReferenceImageSet = "ReferenceImage";

    /// <summary>1 to 3 reference images (CometAPI requires at least one): HTTPS URLs, data URIs or local image files.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Alias("Image", "reference_images", "PSPath")]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string[] ReferenceImage { get; set; } = Array.Empty<string>();

    /// <summary>The image to make, at most 1000 characters; reference images are named in it as @tag.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Prompt", "prompt_text")]
    [TextOnly]
    [AllowEmptyString]
    public string? PromptText { get; set; }

    /// <summary>The tags the prompt names the reference images by, in the same order (3 to 16 letters, digits or _).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Tag")]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string[] ReferenceTag { get; set; } = Array.Empty<string>();

    /// <summary>The model id; the route's current default (gen4_image) when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ModelCompleter<TextToImageRequest>))]
    public string? Model { get; set; }

    /// <summary>The image's width:height, e.g. 1920:1080 (the default).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("aspect_ratio")]
    [ArgumentCompleter(typeof(RatioCompleter<TextToImageRequest>))]
    public string? Ratio { get; set; }

    /// <summary>0 to 4294967295; the same seed and inputs give a similar result.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ReferenceImageSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [EmptyAsNull]
    public long? Seed { get; set; }

    protected override string MainInputName => nameof(ReferenceImage);

    protected override string ParameterFor(string requestProperty) =>
        requestProperty == nameof(TextToImageRequest.ReferenceImages) ? nameof(ReferenceImage) : base.ParameterFor(requestProperty);

    protected override CreateRequest Request(MediaInput? taskOutput)
    {
        var images = taskOutput is null ? Media(ReferenceImage, nameof(ReferenceImage)) : [taskOutput];
        var tags = ReferenceTag.Select(Given).ToList();
        var defaults = new TextToImageRequest();
        return new TextToImageRequest
        {
            PromptText = Given(PromptText),
            ReferenceImages = images.Select((image, i) => new ReferenceImage { Uri = image, Tag = i < tags.Count ? tags[i] : null }).ToList(),
            Model = Given(Model) ?? defaults.Model,
            Ratio = Given(Ratio) ?? defaults.Ratio,
            Seed = Seed,
            ContentModeration = RequestedModeration,
            ExtraFields = ExtraFields,
            ValueUnwrapper = Unwrapper,
        };
    }
}
