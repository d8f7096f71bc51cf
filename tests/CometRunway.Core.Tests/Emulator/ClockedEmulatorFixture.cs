using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Emulator;

/// <summary>One emulator per test class on a manual clock, so created tasks can be walked through their states without sleeping.</summary>
public sealed class ClockedEmulatorFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new();

    public CometApiEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = Clock });

    /// <summary>The emulator with no tasks, faults, requests or created tasks, and its start settings.</summary>
    public CometApiEmulator Fresh()
    {
        Emulator.Reset();
        return Emulator;
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
