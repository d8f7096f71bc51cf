using CometRunway.Emulator.Creating;

namespace CometRunway.Emulator;

/// <summary>How a <see cref="CometApiEmulator"/> starts.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultApiKey = "sk-emulator-test-key";

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The only key accepted as <c>Authorization: Bearer &lt;key&gt;</c> on the task routes.</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The clock task timelines are read from; tests may pass a manual one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seed the demo tasks and create a ~20 second task for every unknown id (the standalone mode).</summary>
    public bool DemoMode { get; init; }

    /// <summary>How long auto-created demo tasks take to succeed.</summary>
    public TimeSpan DemoTaskDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Keep a log of received requests. Turn off for benchmarks.</summary>
    public bool RecordRequests { get; init; } = true;

    /// <summary>Past this many recorded requests the oldest are dropped.</summary>
    public int MaxRecordedRequests { get; init; } = 100_000;

    /// <summary>How the create routes behave at start and after a reset.</summary>
    public CreateSettings CreateSettings { get; init; } = new();

    /// <summary>Size in bytes of the generated files served under <c>/files/</c>.</summary>
    public int FileSize { get; init; } = 256 * 1024;
}
