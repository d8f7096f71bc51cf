using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Reads Runway tasks in the official format: <c>GET /runwayml/v1/tasks/{id}</c>.</summary>
[Cmdlet(VerbsCommon.Get, "RunwayTask", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RunwayTask))]
public sealed class GetRunwayTaskCommand : TaskReadCommandBase
{
    /// <summary>The task ids returned by an official-format create call. Piped ids and objects bind to -InputObject.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [Alias("TaskId", "task_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override RunwayTaskFormat Format => RunwayTaskFormat.Official;

    protected override IEnumerable<string> BoundIds => Id;
}
