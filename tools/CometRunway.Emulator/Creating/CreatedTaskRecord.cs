namespace CometRunway.Emulator.Creating;

/// <summary>One task a create route made (refused requests make none).</summary>
/// <param name="At">When it was created (the emulator's clock).</param>
/// <param name="Id">The id the route answered with.</param>
/// <param name="Route">The create path, e.g. <c>/runwayml/v1/image_to_video</c>.</param>
/// <param name="Model">The body's <c>model</c>, if any.</param>
/// <param name="Prompt">The body's <c>promptText</c> or <c>prompt</c>, if any.</param>
/// <param name="Body">The request body as received; empty when requests are not recorded (benchmarks send megabytes of data URIs).</param>
public sealed record CreatedTaskRecord(DateTimeOffset At, string Id, string Route, string? Model, string? Prompt, string Body)
{
    public override string ToString() => $"{Id} via {Route}";
}
