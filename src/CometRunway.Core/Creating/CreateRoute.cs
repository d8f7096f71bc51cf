using System.Text.RegularExpressions;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Creating;

/// <summary>
/// A CometAPI route that creates a Runway task: its path under the base address, and the family (poll route) its tasks
/// belong to. The eight documented routes are fields; <see cref="Custom"/> makes any other, for models and routes this
/// module does not know yet.
/// </summary>
public sealed partial class CreateRoute : IEquatable<CreateRoute>
{
    public const string OfficialPrefix = "runwayml/v1/";
    public const string CompatibilityPrefix = "runway/pro/";
    public const int MaxPathLength = 200;

    private CreateRoute(string name, string path, RunwayTaskFormat format, bool isDocumented)
    {
        Name = name;
        Path = path;
        Format = format;
        IsDocumented = isDocumented;
    }

    public static CreateRoute ImageToVideo { get; } = Official("image_to_video");

    public static CreateRoute TextToImage { get; } = Official("text_to_image");

    public static CreateRoute VideoToVideo { get; } = Official("video_to_video");

    public static CreateRoute VideoUpscale { get; } = Official("video_upscale");

    public static CreateRoute CharacterPerformance { get; } = Official("character_performance");

    /// <summary><c>/runway/pro/generate</c>: a video from text, or from an image when one is given.</summary>
    public static CreateRoute ProGenerate { get; } = Compatibility("generate");

    public static CreateRoute ProVideoToVideo { get; } = Compatibility("video2video");

    public static CreateRoute ProActOne { get; } = Compatibility("act_one");

    /// <summary>Every route CometAPI documents, official first.</summary>
    public static IReadOnlyList<CreateRoute> Documented { get; } =
        [ImageToVideo, TextToImage, VideoToVideo, VideoUpscale, CharacterPerformance, ProGenerate, ProVideoToVideo, ProActOne];

    /// <summary>Short name: <c>image_to_video</c> for official routes, <c>pro/generate</c> for compatibility ones, the path for custom ones.</summary>
    public string Name { get; }

    /// <summary>The path under the base address, without a leading '/': <c>runwayml/v1/image_to_video</c>.</summary>
    public string Path { get; }

    /// <summary>The family: where the created tasks are read (official: GET /runwayml/v1/tasks/{id}; feed: POST /runway/feed).</summary>
    public RunwayTaskFormat Format { get; }

    public bool IsDocumented { get; }

    public Uri UriFor(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        return new Uri(root, Path);
    }

    /// <summary>
    /// A documented route by name or path (<c>image_to_video</c>, <c>/runwayml/v1/image_to_video</c>, <c>pro/generate</c>),
    /// otherwise a custom route for <paramref name="route"/>, whose family is <paramref name="format"/> or, when that is
    /// null, guessed from the path (<c>runwayml/…</c> official, <c>runway/…</c> feed).
    /// </summary>
    /// <exception cref="ArgumentException">Not a usable path, or the family cannot be told.</exception>
    public static CreateRoute Parse(string route, RunwayTaskFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = route.Trim().TrimStart('/');
        foreach (var known in Documented)
        {
            if (string.Equals(path, known.Path, StringComparison.OrdinalIgnoreCase) || string.Equals(path, known.Name, StringComparison.OrdinalIgnoreCase))
            {
                return format is null || format == known.Format
                    ? known
                    : throw new ArgumentException($"The route '{known.Path}' makes {known.Format} tasks, not {format}.");
            }
        }

        return Custom(path, format);
    }

    /// <summary>Any path under the base address, for routes this module does not know yet.</summary>
    /// <exception cref="ArgumentException">Not a usable path, or the family cannot be told.</exception>
    public static CreateRoute Custom(string path, RunwayTaskFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim().TrimStart('/');
        if (trimmed.Length == 0 || trimmed.Length > MaxPathLength || !PathForm().IsMatch(trimmed) || trimmed.Split('/').Any(s => s is "." or ".."))
        {
            throw new ArgumentException(
                $"'{path}' is not a route path. Give the path under the base address, such as 'runwayml/v1/text_to_video': " +
                $"segments of letters, digits, '_', '-' and '.', at most {MaxPathLength} characters, no query.");
        }

        var family = format
            ?? (trimmed.StartsWith("runwayml/", StringComparison.OrdinalIgnoreCase) ? RunwayTaskFormat.Official
            : trimmed.StartsWith("runway/", StringComparison.OrdinalIgnoreCase) ? RunwayTaskFormat.Feed
            : throw new ArgumentException($"Cannot tell how tasks created on '{trimmed}' are read: say Official (GET /runwayml/v1/tasks/{{id}}) or Feed (POST /runway/feed)."));
        return new CreateRoute(trimmed, trimmed, family, isDocumented: false);
    }

    public bool Equals(CreateRoute? other) =>
        other is not null && string.Equals(Path, other.Path, StringComparison.OrdinalIgnoreCase) && Format == other.Format;

    public override bool Equals(object? obj) => Equals(obj as CreateRoute);

    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Path), Format);

    public override string ToString() => "POST /" + Path;

    private static CreateRoute Official(string name) => new(name, OfficialPrefix + name, RunwayTaskFormat.Official, isDocumented: true);

    private static CreateRoute Compatibility(string name) => new("pro/" + name, CompatibilityPrefix + name, RunwayTaskFormat.Feed, isDocumented: true);

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathForm();
}
