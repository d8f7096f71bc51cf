using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

/// <summary>
/// Enforces a <see cref="StallRule"/> on one attempt: its token is cancelled when a window passes without enough
/// progress. Report every chunk received with <see cref="Progress"/>; not thread-safe (one reader at a time).
/// </summary>
internal sealed class StallGuard : IDisposable
{
    private readonly StallRule rule;
    private readonly CancellationToken outer;
    private readonly CancellationTokenSource source;
    private long sinceWindowStart;

    /// <param name="rule">How much progress is enough.</param>
    /// <param name="outer">Cancellation that is not a stall (the caller's, a request timeout).</param>
    public StallGuard(StallRule rule, CancellationToken outer)
    {
        this.rule = rule;
        this.outer = outer;
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        source.CancelAfter(rule.Window);
    }

    public CancellationToken Token => source.Token;

    /// <summary>True when the token was cancelled by this guard, not by the outer token.</summary>
    public bool HasStalled => source.IsCancellationRequested && !outer.IsCancellationRequested;

    public void Progress(long bytes)
    {
        sinceWindowStart += bytes;
        if (sinceWindowStart >= rule.MinimumBytes)
        {
            sinceWindowStart = 0;
            source.CancelAfter(rule.Window);
        }
    }

    /// <summary>"api.example.com sent nothing for 15 s", or "... sent only 12 bytes in 15 s (at least 1024 expected)".</summary>
    public string Describe(string host) => sinceWindowStart == 0
        ? $"{host} sent nothing for {DelayText.Of(rule.Window)}"
        : $"{host} sent only {sinceWindowStart} bytes in {DelayText.Of(rule.Window)} (at least {rule.MinimumBytes} expected)";

    public void Dispose() => source.Dispose();
}
