using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>The engine's defaults scaled down from seconds to tens of milliseconds, so tests stay fast.</summary>
internal static class WaitTestOptions
{
    public static WaitOptions Fast(TimeSpan? timeout = null, bool any = false, int? throttle = 8) => new()
    {
        ThrottleLimit = throttle,
        PollInterval = TimeSpan.FromMilliseconds(100),
        NotFoundTimeout = TimeSpan.FromMilliseconds(400),
        TransientErrorTimeout = TimeSpan.FromMilliseconds(600),
        NoOutputGrace = TimeSpan.FromMilliseconds(250),
        RateLimitFallbackDelay = TimeSpan.FromMilliseconds(100),
        MaxRateLimitFallbackDelay = TimeSpan.FromMilliseconds(400),
        ProgressInterval = TimeSpan.FromMilliseconds(50),
        Timeout = timeout,
        Any = any,
    };
}
