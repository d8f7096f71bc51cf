using CometRunway.Core.Http;

namespace CometRunway.Core.Creating;

/// <summary>Recognizes the documented refusals in a server's code and message, and says what to change.</summary>
internal static class CreateRefusals
{
    private static readonly string[] AssetPhrases =
        ["only https", "failed to fetch asset", "timeout while fetching asset", "invalid data uri", "data uri", "invalid_asset", "asset.invalid", "content-type", "content-length"];

    private static readonly string[] UnavailableModelPhrases =
        ["retired", "no longer", "not supported", "unsupported", "deprecated", "not available", "invalid model", "model not found", "does not exist"];

    /// <returns>The refusal and one or two sentences of advice (empty when there is nothing specific to say).</returns>
    public static (CreateRefusal Refusal, string Advice) Classify(string? code, string? message, CreateRequest request)
    {
        var said = $"{code} {message}".ToLowerInvariant();
        var vocabulary = RouteVocabulary.For(request.Route);
        if (said.Contains("callback_url_empty", StringComparison.Ordinal))
        {
            return (CreateRefusal.CallbackUrlEmpty, "The compatibility routes need a callback_url: give one (any https address; nobody has to listen), or leave the module's placeholder in place.");
        }

        if (said.Contains("reference_images_empty", StringComparison.Ordinal))
        {
            return (CreateRefusal.ReferenceImagesEmpty, "text_to_image on CometAPI needs 1 to 3 reference images: add them (HTTPS URLs or local files).");
        }

        if (said.Contains("missing_runway_version", StringComparison.Ordinal) || said.Contains("x-runway-version", StringComparison.Ordinal))
        {
            return (CreateRefusal.MissingRunwayVersion, $"Send the X-Runway-Version header (the module sends {RunwayClientOptions.DefaultRunwayVersion} unless -RunwayVersion names another).");
        }

        var retired = vocabulary.Retired(request.RequestedModel);
        if (said.Contains("model_retired", StringComparison.Ordinal)
            || (said.Contains("model", StringComparison.Ordinal) && UnavailableModelPhrases.Any(p => said.Contains(p, StringComparison.Ordinal))))
        {
            return (CreateRefusal.RetiredModel, ModelAdvice(request, vocabulary, retired));
        }

        if (AssetPhrases.Any(p => said.Contains(p, StringComparison.Ordinal)) || said.Contains("asset", StringComparison.Ordinal))
        {
            return (CreateRefusal.InvalidAsset, "An input image or video could not be used. Give a public HTTPS URL on a domain name that answers HEAD with the media's Content-Type and a Content-Length and does not redirect, or a local file (sent inline).");
        }

        // The server did not say why, but the request names a model Runway retired: the likeliest cause.
        return retired is not null ? (CreateRefusal.RetiredModel, ModelAdvice(request, vocabulary, retired)) : (CreateRefusal.None, "");
    }

    private static string ModelAdvice(CreateRequest request, RouteVocabulary vocabulary, RetiredModel? retired)
    {
        var known = vocabulary.Models.Count > 0 ? $" Models known for {request.Route.Name}: {string.Join(", ", vocabulary.Models)}." : "";
        return (retired?.Advice ?? $"The model '{request.RequestedModel}' may be retired or not offered on this route.") + known;
    }
}
