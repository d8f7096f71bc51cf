using System.Text.Json;

namespace CometRunway.Emulator.Creating;

/// <summary>One create route: its path, family, the feed <c>action</c> of its tasks, its output and its checks.</summary>
/// <param name="Path">E.g. <c>/runwayml/v1/image_to_video</c>.</param>
/// <param name="Official">Official family (<c>{"id"}</c> answers, gateway errors) or compatibility (envelopes, <c>callback_url</c>).</param>
/// <param name="Action">The feed's <c>action</c> for tasks made here, from the body.</param>
/// <param name="OutputExtension">The extension of the generated output file.</param>
/// <param name="Check">The route's own field checks (callback_url and the version header are checked for every route of a family).</param>
internal sealed record CreateRouteSpec(string Path, bool Official, Func<JsonElement, string> Action, string OutputExtension, Action<BodyCheck> Check)
{
    public const string OfficialPrefix = "/runwayml/v1/";
    public const string CompatibilityPrefix = "/runway/pro/";

    /// <summary>Every create route CometAPI documents (docs/design/create-routes.md, "The routes").</summary>
    public static IReadOnlyList<CreateRouteSpec> All { get; } =
    [
        OfficialRoute("image_to_video", "IMAGE_TO_VIDEO", "mp4", body => body
            .Asset("promptImage", AssetKind.Image).Model().Prompt("promptText").Integer("duration", 2, 10).Ratio().Seed()),
        OfficialRoute("text_to_image", "TEXT_TO_IMAGE", "png", body => body
            .Prompt("promptText", required: true).Ratio(required: true).Model()
            .References("referenceImages", 1, 3, Refusal.ReferenceImagesEmpty).Seed()),
        OfficialRoute("video_to_video", "VIDEO_TO_VIDEO", "mp4", body => body
            .Asset("videoUri", AssetKind.Video).Prompt("promptText", required: true).Model()
            .References("references", 0, 1, Refusal.InvalidRequest).Ratio().Seed()),
        OfficialRoute("video_upscale", "VIDEO_UPSCALE", "mp4", body => body
            .Asset("videoUri", AssetKind.Video).Model()),
        OfficialRoute("character_performance", "CHARACTER_PERFORMANCE", "mp4", body => body
            .TypedAsset("character", "image", "video").TypedAsset("reference", "video").Model()
            .Integer("expressionIntensity", 1, 5).Ratio().Seed()),
        CompatibilityRoute("generate", GenerateAction, body => body
            .Prompt("prompt", required: true).Asset("image", AssetKind.Image, required: false).Model(required: false)
            .Ratio().Integer("options.seconds", 1, 10)),
        CompatibilityRoute("video2video", _ => "VIDEO_TO_VIDEO", body => body
            .Asset("video", AssetKind.Video).Prompt("prompt").Model(required: false).Integer("options.seconds", 1, 10)),
        CompatibilityRoute("act_one", _ => "ACT_ONE", body => body
            .Asset("video", AssetKind.Video).Asset("image", AssetKind.Image)),
    ];

    private static CreateRouteSpec OfficialRoute(string name, string action, string extension, Action<BodyCheck> check) =>
        new(OfficialPrefix + name, true, _ => action, extension, check);

    private static CreateRouteSpec CompatibilityRoute(string name, Func<JsonElement, string> action, Action<BodyCheck> check) =>
        new(CompatibilityPrefix + name, false, action, "mp4", check);

    /// <summary><c>/runway/pro/generate</c> makes a video from text, or from an image when the body has one.</summary>
    private static string GenerateAction(JsonElement body) =>
        body.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.String ? "IMAGE_TO_VIDEO" : "TEXT_TO_VIDEO";

    public override string ToString() => "POST " + Path;
}
