namespace CometRunway.Emulator.Faults;

/// <summary>How a fault states its retry delay.</summary>
public enum RetryAfterStyle
{
    /// <summary><c>Retry-After: 2</c>.</summary>
    Seconds,

    /// <summary><c>Retry-After: Wed, 21 Oct 2015 07:28:00 GMT</c>, computed when the fault fires.</summary>
    HttpDate,

    /// <summary><c>retry-after-ms: 1500</c>.</summary>
    Milliseconds,
}
