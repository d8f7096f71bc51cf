namespace CometRunway.Emulator.Tasks;

/// <summary>The normalized state of an emulated task; each route turns it into its own status word.</summary>
public enum EmulatedState
{
    Pending,
    Throttled,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
