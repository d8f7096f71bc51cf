namespace CometRunway.Emulator.Creating;

/// <summary>Why a create route turned a request down.</summary>
/// <param name="Code">A machine word: <c>callback_url_empty</c>, <c>reference_images_empty</c>, <c>invalid_asset</c>, <c>model_retired</c>, <c>invalid_request</c>.</param>
/// <param name="Field">The body field (dotted path) or header at fault.</param>
/// <param name="Message">What a person reads.</param>
internal sealed record Refusal(string Code, string Field, string Message)
{
    public const string CallbackUrlEmpty = "callback_url_empty";
    public const string ReferenceImagesEmpty = "reference_images_empty";
    public const string InvalidAsset = "invalid_asset";
    public const string ModelRetired = "model_retired";
    public const string InvalidRequest = "invalid_request";
    public const string MissingRunwayVersion = "missing_runway_version";
}
