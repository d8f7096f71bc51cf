namespace CometRunway.Core.Http;

/// <summary>
/// How little progress ends a transfer: fewer than <see cref="MinimumBytes"/> received in any <see cref="Window"/>
/// (slow is fine, a trickle of a byte every few seconds is not). The end of the body always counts as progress.
/// </summary>
internal sealed record StallRule(TimeSpan Window, int MinimumBytes)
{
    /// <summary>Throws when the rule cannot work.</summary>
    public void Validate()
    {
        if (Window <= TimeSpan.Zero || MinimumBytes < 1)
        {
            throw new ArgumentException($"A stall rule needs a positive window and at least 1 byte (was {Window} and {MinimumBytes}).");
        }
    }
}
