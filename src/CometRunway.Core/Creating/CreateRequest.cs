using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace CometRunway.Core.Creating;

/// <summary>
/// The body of one create, for one route. Typed subclasses exist for every documented route; <see cref="CustomCreateRequest"/>
/// sends any body to any route. <see cref="ExtraFields"/> adds fields a typed request does not know yet.
/// </summary>
public abstract class CreateRequest
{
    private protected CreateRequest(CreateRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        Route = route;
    }

    [JsonIgnore]
    public CreateRoute Route { get; }

    /// <summary>
    /// More body fields, written after the typed ones: strings, numbers, booleans, null, <see cref="MediaInput"/>, and
    /// dictionaries and lists of them. A name a typed property already writes is refused (set the property instead).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, object?> ExtraFields { get; init; } = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>Applied to every extra value before it is written, e.g. to unwrap a PowerShell <c>PSObject</c>.</summary>
    [JsonIgnore]
    public Func<object, object?>? ValueUnwrapper { get; init; }

    /// <summary>The model the created task records (<see cref="Tasks.RunwayTask.Model"/>).</summary>
    internal virtual string? RequestedModel => null;

    /// <summary>The prompt the created task records (<see cref="Tasks.RunwayTask.Prompt"/>).</summary>
    internal virtual string? RequestedPrompt => null;

    /// <summary>Checks every parameter before anything is sent.</summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest, naming the parameter and what to change.</exception>
    public void Validate()
    {
        CheckParameters();
        var typed = CreateJson.TypedFieldNames(this);
        foreach (var name in ExtraFields.Keys)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw RunwayCreateException.Invalid(nameof(ExtraFields), "ExtraFields has an empty field name.");
            }

            if (typed.Contains(name))
            {
                throw RunwayCreateException.Invalid(nameof(ExtraFields), $"ExtraFields sets '{name}', which this request already writes; set the request's own parameter instead.");
            }
        }
    }

    /// <summary>
    /// Things worth a warning that do not stop the request: a retired model, a ratio the route's models are not known to
    /// take, a duration the model is not known to take.
    /// </summary>
    public IReadOnlyList<string> Warnings()
    {
        var vocabulary = RouteVocabulary.For(Route);
        var warnings = new List<string>();
        if (vocabulary.Retired(RequestedModel) is { } retired)
        {
            warnings.Add(retired.Advice + " CometAPI may still take it, or refuse it.");
        }

        if (RequestedRatio is { } ratio && vocabulary.Ratios.Count > 0 && !vocabulary.IsKnownRatio(ratio))
        {
            warnings.Add($"The ratio '{ratio}' is not one {Route.Name} is known to take ({string.Join(", ", vocabulary.Ratios)}); it is sent as given.");
        }

        if (RequestedDuration is { } duration && vocabulary.Durations(RequestedModel) is { } durations && !durations.Contains(duration))
        {
            warnings.Add($"The duration {duration} is not one {RequestedModel!.Trim()} is known to take ({string.Join(", ", durations)} seconds); it is sent as given.");
        }

        return warnings;
    }

    /// <summary>The body as indented JSON for <c>-WhatIf</c> and logs: files and data URIs abbreviated, nothing read from disk.</summary>
    public string ToDisplayJson() => CreateJson.ToDisplay(this);

    /// <summary>The body as sent (files read and encoded now).</summary>
    internal byte[] ToUtf8Json() => CreateJson.ToWire(this);

    internal virtual string? RequestedRatio => null;

    /// <summary>The seconds of video asked for, checked against the model's known durations.</summary>
    internal virtual int? RequestedDuration => null;

    private protected abstract void CheckParameters();
}
