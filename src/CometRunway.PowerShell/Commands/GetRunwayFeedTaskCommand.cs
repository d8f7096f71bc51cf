using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Reads Runway tasks in the compatibility format: <c>POST /runway/feed</c>.</summary>
[Cmdlet(VerbsCommon.Get, "RunwayFeedTask", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RunwayTask))]
public sealed class GetRunwayFeedTaskCommand : TaskReadCommandBase
{
    /// <summary>The task ids returned by a compatibility-format create call (/runway/pro/...). Piped ids and objects bind to -InputObject.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [Alias("Id", "task_id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public string[] TaskId { get; set; } = Array.Empty<string>();

    protected override RunwayTaskFormat Format => RunwayTaskFormat.Feed;

    protected override IEnumerable<string> BoundIds => TaskId;
}
