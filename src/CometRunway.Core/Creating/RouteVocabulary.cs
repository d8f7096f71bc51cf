namespace CometRunway.Core.Creating;

/// <summary>
/// The known words of one create route: default and current models, retired models, and ratios. Providers add and retire
/// models every few months, so these are hints (completers, warnings, advice in errors), never a closed list: any model id
/// and any <c>W:H</c> ratio is sent as given. Sources: the CometAPI pages and Runway SDK 5.13.0 (docs/design/create-routes.md, "Inputs").
/// </summary>
internal sealed class RouteVocabulary
{
    private static readonly string[] Gen4TurboRatios = ["1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"];

    /// <summary>Seconds a model takes where it is pickier than its route's range (docs/design/create-routes.md, "Inputs": veo3 only 8, veo3.1 4/6/8).</summary>
    private static readonly Dictionary<string, int[]> VeoDurations = new(StringComparer.OrdinalIgnoreCase) { ["veo3"] = [8], ["veo3.1"] = [4, 6, 8] };

    private static readonly Dictionary<CreateRoute, RouteVocabulary> ByRoute = new RouteVocabulary[]
    {
        new(CreateRoute.ImageToVideo, "gen4_turbo",
            ["gen4_turbo", "gen4.5", "veo3", "veo3.1", "veo3.1_fast", "seedance2", "seedance2_fast", "seedance2_mini", "happyhorse_1_0", "gemini_omni_flash"],
            [new RetiredModel("gen3a_turbo", "gen4_turbo", "2026-06-10")],
            [.. Gen4TurboRatios, "1280:768", "768:1280", "1920:1080", "1080:1920"],
            VeoDurations),
        new(CreateRoute.TextToImage, "gen4_image",
            ["gen4_image", "gen4_image_turbo", "gpt_image_2", "gemini_image3_pro", "gemini_image3.1_flash", "seedream5_pro", "seedream5_lite", "gemini_2.5_flash"],
            [],
            ["1920:1080", "1080:1920", "1024:1024", "1360:768", "1080:1080", "1168:880", "1440:1080", "1080:1440", "1808:768", "2112:912",
             "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720"]),
        new(CreateRoute.VideoToVideo, "aleph2",
            ["aleph2", "seedance2", "seedance2_fast", "seedance2_mini", "gemini_omni_flash"],
            [new RetiredModel("gen4_aleph", "aleph2", "2026-06-10")],
            ["1280:720", "720:1280"]),
        new(CreateRoute.VideoUpscale, "magnific_video_upscaler_creative",
            ["magnific_video_upscaler_creative"],
            [new RetiredModel("upscale_v1", "magnific_video_upscaler_creative", "2026-01-17")],
            []),
        new(CreateRoute.CharacterPerformance, "act_two", ["act_two"], [], Gen4TurboRatios),
        new(CreateRoute.ProGenerate, "gen4", ["gen4", "gen4_turbo"], [], ["1280:720", "720:1280", "960:960", "16:9", "9:16", "1:1"]),
        new(CreateRoute.ProVideoToVideo, "gen4", ["gen4"], [], []),
        new(CreateRoute.ProActOne, null, [], [], []),
    }.ToDictionary(v => v.Route);

    private RouteVocabulary(CreateRoute route, string? defaultModel, string[] models, RetiredModel[] retired, string[] ratios, Dictionary<string, int[]>? durations = null)
    {
        durationsByModel = durations ?? [];
        Route = route;
        DefaultModel = defaultModel;
        Models = models;
        RetiredModels = retired;
        Ratios = ratios;
    }

    private readonly Dictionary<string, int[]> durationsByModel;

    public CreateRoute Route { get; }

    /// <summary>The model sent when none is given; null for a route without a model field (<c>pro/act_one</c>) or a custom route.</summary>
    public string? DefaultModel { get; }

    /// <summary>Current models known to work on this route, the default first.</summary>
    public IReadOnlyList<string> Models { get; }

    public IReadOnlyList<RetiredModel> RetiredModels { get; }

    /// <summary>Ratios the route's models are known to take.</summary>
    public IReadOnlyList<string> Ratios { get; }

    /// <summary>The vocabulary of <paramref name="route"/>; an empty one for a custom route.</summary>
    public static RouteVocabulary For(CreateRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return ByRoute.TryGetValue(route, out var vocabulary) ? vocabulary : new RouteVocabulary(route, null, [], [], []);
    }

    /// <summary>The retirement of <paramref name="model"/> on this route (case-insensitive), or null.</summary>
    public RetiredModel? Retired(string? model) =>
        model is null ? null : RetiredModels.FirstOrDefault(r => string.Equals(r.Id, model.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The only durations <paramref name="model"/> is known to take on this route, or null when it takes the route's whole range.</summary>
    public IReadOnlyList<int>? Durations(string? model) =>
        model is not null && durationsByModel.TryGetValue(model.Trim(), out var seconds) ? seconds : null;

    public bool IsKnownRatio(string? ratio) => ratio is not null && Ratios.Contains(ratio.Trim(), StringComparer.Ordinal);
}
