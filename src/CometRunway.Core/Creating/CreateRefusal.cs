namespace CometRunway.Core.Creating;

/// <summary>The refusals CometAPI documents (docs/design/create-routes.md, "Answers"), each with a fix the error message names.</summary>
public enum CreateRefusal
{
    /// <summary>Not one of the known refusals (or not a refusal at all).</summary>
    None,

    /// <summary><c>callback_url_empty</c>: a compatibility route got no <c>callback_url</c>.</summary>
    CallbackUrlEmpty,

    /// <summary><c>reference_images_empty</c>: text_to_image got no reference images.</summary>
    ReferenceImagesEmpty,

    /// <summary>An input URL or data URI the server could not use.</summary>
    InvalidAsset,

    /// <summary>The model is retired or not offered.</summary>
    RetiredModel,

    /// <summary>The route wanted an <c>X-Runway-Version</c> header.</summary>
    MissingRunwayVersion,
}
