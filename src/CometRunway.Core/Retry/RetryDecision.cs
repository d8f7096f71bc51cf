namespace CometRunway.Core.Retry;

/// <summary>Why retrying stopped.</summary>
internal enum RetryStop
{
    /// <summary>Retrying goes on.</summary>
    None,
    AttemptsUsed,
    BudgetSpent,

    /// <summary>The server asked for a pause that ends past the budget.</summary>
    ServerDelayTooLong,
}

/// <summary>What <see cref="RetryPolicy.Decide"/> answered: wait <see cref="Delay"/> and try again, or stop and say why.</summary>
internal sealed record RetryDecision
{
    private RetryDecision()
    {
    }

    /// <summary>How long to wait before the next attempt; null when retrying stops.</summary>
    public TimeSpan? Delay { get; private init; }

    public RetryStop Stop { get; private init; }

    /// <summary>
    /// For an error message when retrying stopped for time (empty when it stopped for the attempt count, which the
    /// caller already states): "CometAPI asked to wait 10 min, longer than the retry budget of 60 s."
    /// </summary>
    public string Explanation { get; private init; } = string.Empty;

    internal static RetryDecision After(TimeSpan delay) => new() { Delay = delay };

    internal static RetryDecision Stopped(RetryStop why, RetryPolicy policy, TimeSpan? serverDelay) => new()
    {
        Stop = why,
        Explanation = why switch
        {
            RetryStop.ServerDelayTooLong =>
                $"The server asked to wait {DelayText.Of(serverDelay!.Value)} before trying again, longer than the retry budget of {DelayText.Of(policy.Budget)} allows; try again later.",
            RetryStop.BudgetSpent => $"The retry budget of {DelayText.Of(policy.Budget)} is spent.",
            _ => string.Empty,
        },
    };
}
