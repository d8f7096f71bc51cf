using CometRunway.Core.Tasks;

namespace CometRunway.Core.Json;

/// <summary>
/// Maps the status strings of both routes (feed vocabulary and Runway's own) to <see cref="RunwayTaskStatus"/>.
/// Either vocabulary is accepted from either route, case-insensitively; '-' and ' ' count as '_'.
/// </summary>
internal static class RunwayStatusNormalizer
{
    /// <param name="rawStatus">The status as sent, e.g. <c>IN_PROGRESS</c>, <c>succeeded</c> or <c>"2"</c>.</param>
    /// <param name="hasVideoUrl">
    /// Whether the task carries a <c>video_url</c>. Only the older numeric feed statuses need it: there,
    /// "2" meant done, but a task is only treated as succeeded once its video is actually there.
    /// </param>
    public static RunwayTaskStatus Normalize(string? rawStatus, bool hasVideoUrl = false)
    {
        if (string.IsNullOrWhiteSpace(rawStatus))
        {
            return RunwayTaskStatus.Unknown;
        }

        var status = rawStatus.Trim().ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
        return status switch
        {
            // Feed (CometAPI compatibility) vocabulary.
            "NOT_START" or "NOT_STARTED" or "SUBMITTED" or "QUEUED" => RunwayTaskStatus.Pending,
            "IN_PROGRESS" => RunwayTaskStatus.Running,
            "SUCCESS" => RunwayTaskStatus.Succeeded,
            "FAILURE" => RunwayTaskStatus.Failed,

            // Runway vocabulary.
            "PENDING" => RunwayTaskStatus.Pending,
            "THROTTLED" => RunwayTaskStatus.Throttled,
            "RUNNING" => RunwayTaskStatus.Running,
            "SUCCEEDED" => RunwayTaskStatus.Succeeded,
            "FAILED" => RunwayTaskStatus.Failed,
            "CANCELLED" or "CANCELED" => RunwayTaskStatus.Cancelled,

            // Older feed payloads sent numeric strings. Mapping (ours; no published table exists):
            // "0" queued -> Pending, "1" working -> Running, "2" done -> Succeeded only when a video_url is present
            // (otherwise still Running, so the waiter keeps polling), "3" -> Failed. Other numbers -> Unknown.
            "0" => RunwayTaskStatus.Pending,
            "1" => RunwayTaskStatus.Running,
            "2" => hasVideoUrl ? RunwayTaskStatus.Succeeded : RunwayTaskStatus.Running,
            "3" => RunwayTaskStatus.Failed,

            _ => RunwayTaskStatus.Unknown,
        };
    }

    /// <summary>Succeeded, Failed and Cancelled end a task; everything else, Unknown included, means keep polling.</summary>
    public static bool IsTerminal(RunwayTaskStatus status) =>
        status is RunwayTaskStatus.Succeeded or RunwayTaskStatus.Failed or RunwayTaskStatus.Cancelled;
}
