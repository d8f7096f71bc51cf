using System.Collections.Frozen;
using System.Text.Json;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Json;

/// <summary>
/// Builds a <see cref="RunwayTask"/> from a task object (the "outer" one of the route asked) and the provider
/// task nested in its <c>data</c>, reading both vocabularies from both. The outer value wins wherever both have one.
/// </summary>
internal static class TaskAssembler
{
    /// <summary>Fields mapped onto <see cref="RunwayTask"/>; every other field of the outer task goes to Properties.</summary>
    private static readonly FrozenSet<string> ModelFields = new[]
    {
        "task_id", "id", "status", "action", "taskType", "fail_reason", "failure", "failureCode", "progress",
        "submit_time", "start_time", "finish_time", "createdAt", "output", "result_url", "video_url", "poster", "last_frame",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Envelope fields of the wrapped shape that mean nothing once the task is read.</summary>
    private static readonly FrozenSet<string> EnvelopeFields =
        new[] { "code", "message", "msg", "data" }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="outer">The task object: the body itself (flat, plain) or the wrapper's <c>data</c>.</param>
    /// <param name="envelope">The wrapper around <paramref name="outer"/>, or <c>default</c>.</param>
    /// <param name="format">The route asked.</param>
    /// <param name="context">What the request knew: the id asked for, version header, base address, time.</param>
    public static RunwayTask Build(JsonElement outer, JsonElement envelope, RunwayTaskFormat format, TaskParseContext context)
    {
        var nested = JsonFields.Object(outer, "data");

        var rawStatus = JsonFields.Text(outer, "status") ?? JsonFields.Text(nested, "status");
        var hasVideoUrl = HasWebUrl(outer, "video_url") || HasWebUrl(nested, "video_url");

        var urls = new UrlCollector();
        urls.AddOutput(outer, "output");
        urls.AddOutput(outer, "result_url");
        urls.AddOutput(nested, "output");
        urls.AddOutput(outer, "video_url");
        urls.AddOutput(nested, "video_url");
        // Assets: every poster first (outer, then nested), then every last frame.
        urls.AddAsset(outer, "poster");
        urls.AddAsset(nested, "poster");
        urls.AddAsset(outer, "last_frame");
        urls.AddAsset(nested, "last_frame");

        var submittedAt = Time(outer, nested, "submit_time");

        return new RunwayTask
        {
            // The outer id is the one the route knows; a nested provider id may be upstream's own, so it is not used.
            Id = JsonFields.Text(outer, "task_id") ?? JsonFields.Text(outer, "id") ?? context.RequestedId,
            Format = format,
            Status = RunwayStatusNormalizer.Normalize(rawStatus, hasVideoUrl),
            RawStatus = rawStatus,
            Progress = Progress(outer) ?? Progress(nested),
            Action = JsonFields.Text(outer, "action") ?? JsonFields.Text(outer, "taskType")
                ?? JsonFields.Text(nested, "taskType") ?? JsonFields.Text(nested, "action"),
            FailureReason = ServerText.Cap(JsonFields.AnyText(outer, "fail_reason") ?? JsonFields.AnyText(outer, "failure")
                ?? JsonFields.AnyText(nested, "failure") ?? JsonFields.AnyText(nested, "fail_reason")),
            FailureCode = ServerText.Cap(JsonFields.Text(outer, "failureCode") ?? JsonFields.Text(nested, "failureCode")),
            Output = urls.Output,
            Assets = urls.Assets,
            CreatedAt = Time(outer, nested, "createdAt") ?? submittedAt,
            SubmittedAt = submittedAt,
            StartedAt = Time(outer, nested, "start_time"),
            FinishedAt = Time(outer, nested, "finish_time"),
            RetrievedAt = context.RetrievedAt,
            RunwayVersion = context.RunwayVersion,
            BaseUri = context.BaseUri,
            Properties = Properties(outer, envelope),
        };
    }

    private static bool HasWebUrl(JsonElement obj, string name) =>
        UrlCollector.TryGetWebUrl(JsonFields.Text(obj, name), out _);

    private static double? Progress(JsonElement obj) =>
        JsonFields.TryGet(obj, "progress", out var value) ? ProgressValue.From(value) : null;

    private static DateTimeOffset? Time(JsonElement outer, JsonElement nested, string name) =>
        Time(outer, name) ?? Time(nested, name);

    private static DateTimeOffset? Time(JsonElement obj, string name) =>
        JsonFields.TryGet(obj, name, out var value) ? WireTimestamp.From(value) : null;

    /// <summary>
    /// Every outer field the model does not name, the nested provider task included whole under "data" (as the
    /// wire names it), then any unusual extra field of the envelope that does not collide.
    /// </summary>
    private static IReadOnlyDictionary<string, object?> Properties(JsonElement outer, JsonElement envelope)
    {
        // Made on the first extra field: a plain task has none, and one is read per task every few seconds.
        Dictionary<string, object?>? properties = null;
        foreach (var property in outer.EnumerateObject())
        {
            if (!ModelFields.Contains(property.Name))
            {
                (properties ??= new(StringComparer.Ordinal))[property.Name] = PlainJsonValue.From(property.Value);
            }
        }

        if (envelope.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in envelope.EnumerateObject())
            {
                if (!EnvelopeFields.Contains(property.Name))
                {
                    (properties ??= new(StringComparer.Ordinal)).TryAdd(property.Name, PlainJsonValue.From(property.Value));
                }
            }
        }

        return properties ?? NoProperties;
    }

    // One shared empty instance, of the same type as the others (as RunwayTask's own default is).
    private static readonly Dictionary<string, object?> NoProperties = new(StringComparer.Ordinal);
}
