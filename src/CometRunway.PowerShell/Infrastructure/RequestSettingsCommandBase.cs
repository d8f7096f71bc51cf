using System.Management.Automation;
using CometRunway.PowerShell.Completion;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The request settings a command may set for itself, and Connect-CometApi for the session: one declaration of
/// the three parameters, their completion and their limits (<see cref="ApiSettings"/>).
/// </summary>
public abstract class RequestSettingsCommandBase : RunwayCommandBase
{
    /// <summary>The X-Runway-Version header, e.g. 2024-11-06.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RunwayVersionCompleter))]
    [ValidateRunwayVersion]
    public string? RunwayVersion { get; set; }

    /// <summary>How long one attempt of a request may take, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, ApiSettings.MaxRequestTimeoutSec)]
    public int? RequestTimeoutSec { get; set; }

    /// <summary>How many times a transiently failing request is tried again.</summary>
    [Parameter]
    [ValidateRange(0, ApiSettings.MaxRetryCount)]
    public int? MaximumRetryCount { get; set; }
}
