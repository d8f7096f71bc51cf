using System.Management.Automation;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>
/// Forgets the key and base address Connect-CometApi remembered for this runspace, and the base addresses keys were
/// used with (tasks from those addresses are no longer read there without -BaseUri).
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "CometApi")]
[OutputType(typeof(void))]
public sealed class DisconnectCometApiCommand : RunwayCommandBase
{
    protected override void EndProcessing()
    {
        var state = RunspaceState.Current;
        WriteVerbose(state.Session is null ? "No CometAPI session was connected." : "Forgot the CometAPI session of this runspace.");
        state.Forget();
    }
}
