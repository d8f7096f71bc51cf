using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Completion;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>
/// Creates Runway tasks on any create route with any body: for models, fields and routes the typed New-Runway*Task
/// cmdlets do not know yet.
/// </summary>
[Cmdlet(VerbsCommon.New, "RunwayTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RunwayTask))]
public sealed class NewRunwayTaskCommand : CreateCommandBase
{
    private CreateRoute? route;

    /// <summary>A documented route's name (image_to_video, pro/generate) or any path under the base address (runwayml/v1/text_to_video).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(RouteCompleter))]
    [ValidateNotNullOrEmpty]
    public string Route { get; set; } = string.Empty;

    /// <summary>The body: a hashtable, an ordered dictionary, a PSCustomObject or a JSON object string; one task per body piped in.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object Body { get; set; } = null!;

    /// <summary>How tasks made on a route that is not documented are read: Official or Feed. Told from the path when not given.</summary>
    [Parameter]
    public RunwayTaskFormat? Format { get; set; }

    protected override Task StartEngine()
    {
        try
        {
            route = CreateRoute.Parse(Route, Format);
        }
        catch (ArgumentException invalid)
        {
            var error = new RunwayCreateException(CreateErrorKind.InvalidRequest, invalid.Message, invalid) { ParameterName = nameof(Route) };
            ThrowTerminatingError(ErrorRecords.FromCreate(error, Route));
        }

        return base.StartEngine();
    }

    protected override IEnumerable<(Func<CreateRequest> Make, object? Input)> RecordRequests() => [(MakeRequest, Body)];

    private CreateRequest MakeRequest() => (Body is PSObject wrapped ? wrapped.BaseObject : Body) is string json
        ? CustomCreateRequest.FromJson(route!, json)
        : new CustomCreateRequest(route!, ScriptValues.Fields(Body, nameof(Body))) { ValueUnwrapper = ScriptValues.Unwrapper(nameof(Body)) };
}
