using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>A request to a <c>/runway/pro/…</c> route: always sends <c>callback_url</c> (a placeholder unless given).</summary>
internal abstract class CompatibilityRequest : CreateRequest
{
    private protected CompatibilityRequest(CreateRoute route)
        : base(route)
    {
    }

    /// <summary>Where CometAPI posts the finished task; <see cref="CreateDefaults.PlaceholderCallbackUrl"/> when nobody listens.</summary>
    [JsonPropertyName("callback_url")]
    public string CallbackUrl { get; init; } = CreateDefaults.PlaceholderCallbackUrl;

    private protected override void CheckParameters()
    {
        CreateRules.CallbackUrl(CallbackUrl, nameof(CallbackUrl));
        CheckRouteParameters();
    }

    private protected abstract void CheckRouteParameters();

    /// <summary>Seconds of video: 1 to 10 (5 or 10 for real clips; 1 is the docs' smoke test).</summary>
    private protected static void CheckSeconds(int? seconds, string name) => CreateRules.Range(seconds, name, 1, 10, "5 or 10 for real clips");
}
