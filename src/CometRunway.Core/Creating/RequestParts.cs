using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary><c>contentModeration</c>: how strictly public figures are moderated (<c>auto</c> or <c>low</c>).</summary>
internal sealed class ContentModeration
{
    [JsonPropertyName("publicFigureThreshold")]
    public string? PublicFigureThreshold { get; init; }
}

/// <summary>An item of text_to_image <c>referenceImages</c>: an image, and the tag the prompt names it by (<c>@tag</c>).</summary>
public sealed class ReferenceImage
{
    [JsonPropertyName("uri")]
    public MediaInput? Uri { get; init; }

    [JsonPropertyName("tag")]
    public string? Tag { get; init; }
}

/// <summary>An item of video_to_video <c>references</c>: <c>{type:"image", uri}</c>.</summary>
public sealed class VideoReference
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "image";

    [JsonPropertyName("uri")]
    public MediaInput? Uri { get; init; }
}

/// <summary>character_performance's <c>character</c> (image or video) and <c>reference</c> (video): <c>{type, uri}</c>.</summary>
public sealed class PerformanceInput
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("uri")]
    public MediaInput? Uri { get; init; }

    /// <summary>The input with its type taken from the media (a file's content), or <paramref name="type"/> when given; <c>image</c> for a URL.</summary>
    public static PerformanceInput From(MediaInput uri, string? type = null) => new()
    {
        Uri = uri,
        Type = type ?? (uri.Kind == MediaKind.Video ? "video" : "image"),
    };
}

/// <summary>Camera motion of <c>/runway/pro/generate</c> (<c>options.motion_vector</c>).</summary>
public sealed class MotionVector
{
    [JsonPropertyName("x")]
    public double X { get; init; }

    [JsonPropertyName("y")]
    public double Y { get; init; }

    [JsonPropertyName("z")]
    public double Z { get; init; }

    [JsonPropertyName("r")]
    public double R { get; init; }

    [JsonPropertyName("bg_x_pan")]
    public double BackgroundXPan { get; init; }

    [JsonPropertyName("bg_y_pan")]
    public double BackgroundYPan { get; init; }

    /// <summary>No camera motion: what text-to-video sends when no vector is given (the page lists the vector as required).</summary>
    public static MotionVector None { get; } = new();

    internal void Check(string name)
    {
        foreach (var (value, part) in new[] { (X, "X"), (Y, "Y"), (Z, "Z"), (R, "R"), (BackgroundXPan, "BackgroundXPan"), (BackgroundYPan, "BackgroundYPan") })
        {
            CreateRules.Finite(value, $"{name}.{part}");
        }
    }
}

/// <summary>The <c>options</c> object of the compatibility routes; the requests expose its fields flat.</summary>
internal sealed class CompatibilityOptions
{
    [JsonPropertyName("seconds")]
    public int? Seconds { get; init; }

    [JsonPropertyName("motion_vector")]
    public MotionVector? MotionVector { get; init; }

    [JsonPropertyName("structure_transformation")]
    public double? StructureTransformation { get; init; }

    [JsonPropertyName("flip")]
    public bool? Flip { get; init; }
}
