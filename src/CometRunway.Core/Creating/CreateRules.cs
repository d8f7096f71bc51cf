using System.Globalization;
using System.Text.RegularExpressions;

namespace CometRunway.Core.Creating;

/// <summary>The checks of request parameters; each throws an InvalidRequest error naming the parameter and what to do.</summary>
internal static partial class CreateRules
{
    /// <summary>Runway's limit for <c>promptText</c> (UTF-16 code units). CometAPI's image_to_video page says 512; see the remarks on <see cref="ImageToVideoRequest.PromptText"/>.</summary>
    public const int MaxPromptLength = 1000;

    public const long MaxSeed = 4_294_967_295;

    public static void Required(object? value, string name, string what)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            throw RunwayCreateException.Invalid(name, $"{name} is required: {what}.");
        }
    }

    public static void Text(string? text, string name, bool required, int maxLength = int.MaxValue)
    {
        if (text is null || (!required && text.Length == 0))
        {
            if (required)
            {
                throw RunwayCreateException.Invalid(name, $"{name} is required.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw RunwayCreateException.Invalid(name, $"{name} is empty; give some text or leave it out.");
        }

        if (text.Length > maxLength)
        {
            throw RunwayCreateException.Invalid(name, $"{name} is {text.Length} characters long; Runway takes at most {maxLength}.");
        }
    }

    public static void Prompt(string? text, string name, bool required) => Text(text, name, required, MaxPromptLength);

    /// <summary>A model id: any word (ids churn), but not blank and without spaces or control characters.</summary>
    public static void Model(string? model, string name, bool required)
    {
        if (model is null)
        {
            if (required)
            {
                Required(model, name, "the model to run");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(model) || model.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || model.Length > 100)
        {
            throw RunwayCreateException.Invalid(name, $"{name} '{model}' is not a model id; ids are single words such as 'gen4_turbo'.");
        }
    }

    public static void Ratio(string? ratio, string name, bool required)
    {
        if (ratio is null)
        {
            if (required)
            {
                Required(ratio, name, "the output's width:height, e.g. 1280:720");
            }

            return;
        }

        var match = RatioForm().Match(ratio.Trim());
        if (match.Success && match.Groups[1].Value.TrimStart('0').Length > 0 && match.Groups[2].Value.TrimStart('0').Length > 0)
        {
            return;
        }

        var crossed = CrossedForm().Match(ratio.Trim());
        throw RunwayCreateException.Invalid(name, crossed.Success
            ? $"{name} '{ratio}' uses '{crossed.Groups[2].Value}'; write it with a colon: '{crossed.Groups[1].Value}:{crossed.Groups[3].Value}'."
            : $"{name} '{ratio}' is not a ratio; write width:height, e.g. 1280:720.");
    }

    public static void Seed(long? seed, string name = "Seed")
    {
        if (seed is < 0 or > MaxSeed)
        {
            throw RunwayCreateException.Invalid(name, $"{name} {seed} is out of range; seeds are whole numbers from 0 to {MaxSeed.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    public static void Range(long? value, string name, long min, long max, string? hint = null)
    {
        if (value < min || value > max)
        {
            throw RunwayCreateException.Invalid(name, $"{name} {value} is out of range; it must be from {min} to {max}{(hint is null ? "" : "; " + hint)}.");
        }
    }

    public static void Finite(double? value, string name, double min = double.MinValue, double max = double.MaxValue)
    {
        if (value is { } number && (!double.IsFinite(number) || number < min || number > max))
        {
            throw RunwayCreateException.Invalid(name, $"{name} {number.ToString(CultureInfo.InvariantCulture)} is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>A media input that must be of <paramref name="accepts"/> when its kind is known (a URL's is not).</summary>
    public static void Media(MediaInput? input, string name, MediaKind accepts, bool required)
    {
        if (input is null)
        {
            if (required)
            {
                Required(input, name, $"an HTTPS URL or a local {Word(accepts)} file");
            }

            return;
        }

        if (input.Kind != MediaKind.None && (input.Kind & accepts) == 0)
        {
            var given = input.FilePath is not null ? $"the file '{input.FilePath}'" : $"the data URI ({input.MediaType})";
            throw RunwayCreateException.Invalid(name, $"{name}: {given} is {Article(input.Kind)}; give {Formats(accepts)}.");
        }
    }

    /// <summary>A reference tag: 3 to 16 letters, digits or underscores, starting with a letter (used as @tag in the prompt).</summary>
    public static void Tag(string? tag, string name)
    {
        if (tag is not null && !TagForm().IsMatch(tag))
        {
            throw RunwayCreateException.Invalid(name, $"{name} '{tag}' is not a tag; tags are 3 to 16 letters, digits or underscores, starting with a letter.");
        }
    }

    /// <summary>
    /// A webhook address: an absolute https URL of at most 2048 characters. Not http: the finished task, with its signed
    /// output links, is posted there.
    /// </summary>
    public static void CallbackUrl(string? url, string name)
    {
        Required(url, name, "the address CometAPI posts the result to (any HTTPS URL will do if nobody listens)");
        if (url!.Length > MediaInput.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw RunwayCreateException.Invalid(name, $"{name} '{url}' is not an https URL; the finished task and its signed output links are posted there.");
        }
    }

    private static string Word(MediaKind kind) => kind switch
    {
        MediaKind.Image => "image",
        MediaKind.Video => "video",
        _ => "image or video",
    };

    private static string Formats(MediaKind kind) => kind switch
    {
        MediaKind.Image => "a PNG, JPEG or WebP image",
        MediaKind.Video => "an MP4, MOV or WebM video",
        _ => "a PNG, JPEG or WebP image or an MP4, MOV or WebM video",
    };

    private static string Article(MediaKind kind) => kind == MediaKind.Image ? "an image" : "a " + Word(kind);

    [GeneratedRegex(@"\A([0-9]{1,5}):([0-9]{1,5})\z", RegexOptions.CultureInvariant)]
    private static partial Regex RatioForm();

    [GeneratedRegex(@"\A([0-9]{1,5})\s*([xX×*/])\s*([0-9]{1,5})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CrossedForm();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_]{2,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagForm();
}
