using CometRunway.Emulator;

namespace CometRunway.PowerShell.Tests.Hosting;

/// <summary>An emulator plus a PowerShell runspace whose environment points the module at it.</summary>
public sealed class EmulatorHostFixture : IAsyncLifetime
{
    public CometApiEmulator Emulator { get; private set; } = null!;

    public ModuleHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await CometApiEmulator.StartAsync();
        Host = new ModuleHost();
        Host.Run("Disconnect-CometApi");
    }

    /// <summary>Runs a script with $Base and $Key bound to the emulator's address and key.</summary>
    public HostResult Run(string script, Dictionary<string, object?>? parameters = null, Action<System.Management.Automation.PowerShell>? prepare = null)
    {
        var all = new Dictionary<string, object?>(parameters ?? new()) { ["Base"] = Emulator.BaseUri.ToString(), ["Key"] = Emulator.ApiKey };
        var names = string.Join(", ", all.Keys.Select(k => "$" + k));
        return Host.Run($"param({names})\n{script}", all, prepare);
    }

    public async Task DisposeAsync()
    {
        Host.Dispose();
        await Emulator.DisposeAsync();
    }
}
