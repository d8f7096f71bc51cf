using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Support;

/// <summary>One emulator per test class; each test resets it and adds its own tasks and faults.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public CometApiEmulator Emulator { get; private set; } = null!;

    internal static RetryPolicy FastRetries { get; } = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    public async Task InitializeAsync() => Emulator = await CometApiEmulator.StartAsync();

    /// <summary>The emulator with no tasks, faults or recorded requests, for the start of each test.</summary>
    public CometApiEmulator Fresh()
    {
        Emulator.Reset();
        return Emulator;
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    internal RunwayClient Client(RunwayClientOptions? options = null, string? key = null) =>
        new(new CometApiConnection(Emulator.BaseUri, ApiKey.FromString(key ?? Emulator.ApiKey)), options ?? new RunwayClientOptions { Retry = FastRetries });
}
