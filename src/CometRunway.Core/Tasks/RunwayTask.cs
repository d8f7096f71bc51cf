namespace CometRunway.Core.Tasks;

/// <summary>One Runway task as read from CometAPI, whatever shape the response had.</summary>
public sealed record RunwayTask
{
    private readonly UriList output = UriList.Empty;
    private readonly UriList assets = UriList.Empty;
    private readonly TaskProperties properties = TaskProperties.Empty;

    public required string Id { get; init; }

    /// <summary>The route the task was read from; waiting and refreshing use the same one.</summary>
    public required RunwayTaskFormat Format { get; init; }

    public required RunwayTaskStatus Status { get; init; }

    /// <summary>The status string exactly as the server sent it (the outer one of the route asked).</summary>
    public string? RawStatus { get; init; }

    /// <summary>Progress from 0 to 100, when the server reported any.</summary>
    public double? Progress { get; init; }

    public string? Action { get; init; }

    public string? FailureReason { get; init; }

    public string? FailureCode { get; init; }

    /// <summary>The produced videos or images, in the order docs/design/wire-format.md ("Where outputs are found") lists their places, without duplicates.</summary>
    /// <remarks>A <see cref="UriList"/>, whose text is the links separated by spaces (what Export-Csv writes).</remarks>
    public IReadOnlyList<Uri> Output { get => output; init => output = UriList.Of(value); }

    /// <summary>Extra assets such as <c>poster</c> and <c>last_frame</c>.</summary>
    public IReadOnlyList<Uri> Assets { get => assets; init => assets = UriList.Of(value); }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When this client read the task.</summary>
    public DateTimeOffset RetrievedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The <c>X-Runway-Version</c> header sent with the request, if any.</summary>
    public string? RunwayVersion { get; init; }

    /// <summary>
    /// The API base address the task was read from (or created at). Reading, waiting for and refreshing the task's
    /// links go back to it unless a command is given -BaseUri; the key goes there only under the base-address rule
    /// (same origin as the command's address, or one this session has used the key with; docs/design/base-address-and-key.md).
    /// </summary>
    public Uri? BaseUri { get; init; }

    /// <summary>The model of the request that created the task, on tasks this module created; null on tasks read from the server.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt of the request that created the task, on tasks this module created; null on tasks read from the server.</summary>
    public string? Prompt { get; init; }

    /// <summary>Fields the model does not name, as plain dictionaries, lists, strings, numbers and booleans.</summary>
    /// <remarks>A <see cref="TaskProperties"/>, whose text is compact JSON (what Export-Csv writes).</remarks>
    public IReadOnlyDictionary<string, object?> Properties { get => properties; init => properties = TaskProperties.Of(value); }

    public bool IsTerminal => Status is RunwayTaskStatus.Succeeded or RunwayTaskStatus.Failed or RunwayTaskStatus.Cancelled;

    public override string ToString() => $"{Id} {Status}";
}
