using System.Text.RegularExpressions;
using CometRunway.Core.Http;

namespace CometRunway.Core.Downloading;

/// <summary>
/// Turns requests into planned downloads for one batch, one at a time (so a cmdlet can plan in ProcessRecord
/// and ask ShouldProcess for each). Names are sanitized, never collide within the batch, and an existing
/// file at the final path is refused here unless the options allow replacing or skipping it. It reads the
/// file system but writes nothing. Not thread-safe: one planner per invocation, used on one thread.
/// </summary>
internal sealed partial class DownloadPlanner
{
    private readonly DownloadPlanOptions options;
    private readonly string directory;

    // Names are compared ignoring case: the batch may land on a case-insensitive file system.
    private readonly HashSet<string> claimedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> claimedStems = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> pendingStems = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">The directory is not absolute, or the template has an unknown token.</exception>
    public DownloadPlanner(DownloadPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DestinationDirectory) || !Path.IsPathFullyQualified(options.DestinationDirectory))
        {
            throw new ArgumentException($"The destination directory must be an absolute path; got '{options.DestinationDirectory}'.");
        }

        if (options.NameTemplate is { } template)
        {
            ValidateTemplate(template);
        }

        this.options = options;
        directory = Path.GetFullPath(options.DestinationDirectory);
    }

    /// <summary>Plans one request.</summary>
    /// <exception cref="RunwayDownloadException">InvalidUrl for a URL that is not absolute http(s); ResourceExists when a file is in the way.</exception>
    public PlannedDownload Plan(DownloadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new RunwayDownloadException(
                DownloadErrorKind.InvalidUrl,
                $"'{UrlDisplay.Describe(url)}' is not an http or https URL, so it cannot be downloaded.")
            { TaskId = request.TaskId, Url = url };
        }

        var (urlStem, urlExtension) = NameFromUrl(url);
        var stem = SafeFileName.Sanitize(BuildStem(request, urlStem), request.TaskId ?? SafeFileName.DefaultFallback);
        var extension = urlExtension.Length == 0 ? null : urlExtension;
        stem = StemOfSanitized(stem, extension);
        stem = ClaimUniqueStem(stem, extension);

        var planned = new PlannedDownload
        {
            Url = url,
            Task = request.Task,
            TaskId = request.TaskId,
            TaskFormat = request.TaskFormat,
            OutputIndex = request.OutputIndex,
            Directory = directory,
            Stem = stem,
            Extension = extension,
            Overwrite = options.Force,
            SkipIfIdentical = options.SkipIdentical,
        };

        if (planned.FinalPath is { } finalPath && !options.Force && !options.SkipIdentical && Path.Exists(finalPath))
        {
            throw DownloadErrors.Exists(planned, finalPath);
        }

        return planned;
    }

    private string BuildStem(DownloadRequest request, string urlStem)
    {
        if (options.NameTemplate is { } template)
        {
            return TemplateToken().Replace(template, match => match.Groups[1].Value.ToLowerInvariant() switch
            {
                "taskid" => request.TaskId ?? urlStem,
                "index" => (request.OutputIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => urlStem,
            });
        }

        if (request.TaskId is { Length: > 0 } taskId)
        {
            return request.OutputCount > 1 ? $"{taskId}_{request.OutputIndex + 1}" : taskId;
        }

        return urlStem;
    }

    /// <summary>Sanitizing may have produced "_CON" or cut the name; the stem is what is left without the extension.</summary>
    private static string StemOfSanitized(string sanitizedStem, string? extension)
    {
        // Keep the stem's bytes plus ".ext" within the bound.
        var withExtension = SafeFileName.Sanitize(extension is null ? sanitizedStem : sanitizedStem + "." + extension);
        return extension is not null && withExtension.EndsWith("." + extension, StringComparison.Ordinal)
            ? withExtension[..^(extension.Length + 1)]
            : withExtension;
    }

    private string ClaimUniqueStem(string stem, string? extension)
    {
        for (var n = 1; ; n++)
        {
            var candidateStem = n == 1 ? stem : $"{TrimForSuffix(stem)}_{n}";
            var taken = extension is null
                ? claimedStems.Contains(candidateStem)
                : claimedNames.Contains(candidateStem + "." + extension) || pendingStems.Contains(candidateStem);
            if (taken)
            {
                continue;
            }

            claimedStems.Add(candidateStem);
            if (extension is null)
            {
                pendingStems.Add(candidateStem);
            }
            else
            {
                claimedNames.Add(candidateStem + "." + extension);
            }

            return candidateStem;
        }
    }

    private static string TrimForSuffix(string stem) =>
        System.Text.Encoding.UTF8.GetByteCount(stem) > SafeFileName.MaxNameBytes - 24 ? stem[..Math.Max(1, stem.Length - 24)] : stem;

    /// <summary>The last path segment, percent-decoded once, split into a stem and a safe extension.</summary>
    internal static (string Stem, string Extension) NameFromUrl(Uri url)
    {
        var path = url.AbsolutePath;
        var lastSlash = path.LastIndexOf('/');
        var segment = Uri.UnescapeDataString(lastSlash >= 0 ? path[(lastSlash + 1)..] : path);

        // A decoded separator means the segment tried to carry a path: keep only what follows it.
        var separator = segment.LastIndexOfAny(['/', '\\']);
        if (separator >= 0)
        {
            segment = segment[(separator + 1)..];
        }

        var dot = segment.LastIndexOf('.');
        if (dot <= 0)
        {
            return (segment, string.Empty);
        }

        var extension = SafeFileName.SanitizeExtension(segment[(dot + 1)..]);
        return extension.Length == 0 ? (segment, string.Empty) : (segment[..dot], extension);
    }


    private static void ValidateTemplate(string template)
    {
        var withoutTokens = TemplateToken().Replace(template, string.Empty);
        var stray = withoutTokens.IndexOfAny(['{', '}']);
        if (stray >= 0)
        {
            throw new ArgumentException(
                $"The name template '{template}' has an unknown token or a stray brace. Use {{TaskId}}, {{Index}} and {{Name}}; the extension is added automatically.");
        }
    }

    [GeneratedRegex(@"\{(TaskId|Index|Name)\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TemplateToken();
}
