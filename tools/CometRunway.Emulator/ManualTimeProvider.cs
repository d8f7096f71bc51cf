namespace CometRunway.Emulator;

/// <summary>
/// A clock that moves only when told, so tests can walk task timelines without sleeping.
/// Only <see cref="GetUtcNow"/> is manual; timers (fault delays) still use real time.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 3, 13, 1, 52, 46, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref utcTicks, by.Ticks);
    }
}
