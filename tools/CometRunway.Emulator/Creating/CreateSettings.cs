using System.Collections.ObjectModel;

namespace CometRunway.Emulator.Creating;

/// <summary>Which of the two documented success envelopes the compatibility create routes send.</summary>
public enum EnvelopeStyle
{
    /// <summary><c>{"code":200,"message":"","msg":"success","data":{"task_id":"…"}}</c> (newer CometAPI pages).</summary>
    Newer,

    /// <summary><c>{"code":200,"msg":"成功","data":{"task_id":"…"},"exec_time":0.42}</c> (older pages).</summary>
    Older,

    /// <summary>Newer, Older, Newer, … one per created task.</summary>
    Alternating,
}

/// <summary>
/// How the create routes behave. Immutable: change it with <c>emulator.CreateSettings = emulator.CreateSettings with { … }</c>
/// or <c>POST /_emulator/create-settings</c>. Reset restores the settings the emulator started with.
/// </summary>
public sealed record CreateSettings
{
    /// <summary>Models Runway removed, each with the one that replaced it (docs/design/create-routes.md, "Inputs").</summary>
    public static IReadOnlyDictionary<string, string> DefaultRetiredModels { get; } = new ReadOnlyDictionary<string, string>(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gen3a_turbo"] = "gen4_turbo",
            ["gen4_aleph"] = "aleph2",
            ["upscale_v1"] = "magnific_video_upscaler_creative",
        });

    /// <summary>How long a created task answers <c>task_not_exist</c> on the poll routes.</summary>
    public TimeSpan VisibleAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>From becoming visible (PENDING) to SUCCEEDED (or FAILED), through RUNNING with rising progress.</summary>
    public TimeSpan RunsFor { get; init; } = TimeSpan.FromSeconds(10);

    public EnvelopeStyle Envelope { get; init; } = EnvelopeStyle.Newer;

    /// <summary>
    /// Official create routes refuse a request without <c>X-Runway-Version</c> (every official page marks it required;
    /// one newer sample omits it, so real strictness is uncertain). The compatibility routes never require it.
    /// </summary>
    public bool RequireRunwayVersion { get; init; } = true;

    /// <summary>
    /// Refuse the models in <see cref="RetiredModels"/>. Runway removed them; whether CometAPI still accepts them is
    /// uncertain, and refusing is what a client must be ready for.
    /// </summary>
    public bool RefuseRetiredModels { get; init; } = true;

    /// <summary>Retired model id → its replacement, named in the refusal.</summary>
    public IReadOnlyDictionary<string, string> RetiredModels { get; init; } = DefaultRetiredModels;

    /// <summary>
    /// Compatibility refusals (<c>{"code":400,"msg":"callback_url_empty",…}</c>) come inside HTTP 200, as the wrapper's
    /// "check code, not the status" advice implies; false sends them with HTTP 400. Which one CometAPI uses is uncertain.
    /// </summary>
    public bool RefusalsInsideOk { get; init; } = true;

    /// <summary>A prompt containing this text creates a task that ends FAILED with <c>SAFETY.INPUT.TEXT</c>; empty: never.</summary>
    public string FailureMarker { get; init; } = "#fail";
}
