using System.Management.Automation;
using System.Threading.Channels;
using CometRunway.Core.Downloading;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>Downloads the videos and images of succeeded Runway tasks, safely, resumably and in parallel.</summary>
[Cmdlet(VerbsData.Save, "RunwayOutput", DefaultParameterSetName = TaskPathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveRunwayOutputCommand : BackgroundCommandBase<DownloadEvent>
{
    private const string TaskPathSet = "TaskPath";
    private const string TaskLiteralPathSet = "TaskLiteralPath";
    private const string UriPathSet = "UriPath";
    private const string UriLiteralPathSet = "UriLiteralPath";

    private readonly Channel<PlannedDownload> confirmed = Channel.CreateUnbounded<PlannedDownload>(new UnboundedChannelOptions { SingleReader = true });
    private DownloadPlanner? planner;
    private DownloadProgressWriter? progress;
    private TaskRoutes? routes;
    private readonly HashSet<(string Id, RunwayTaskFormat Format)> tasksTaken = [];

    /// <summary>
    /// Succeeded tasks from Get-RunwayTask, Get-RunwayFeedTask or Wait-RunwayTask, the same deserialized, or objects
    /// with an Id and an Output property (such as Import-Csv rows of exported tasks).
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskPathSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TaskLiteralPathSet)]
    [ValidateNotNull]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>Output URLs to download directly.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UriPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = UriLiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string[] Uri { get; set; } = Array.Empty<string>();

    /// <summary>The task the -Uri outputs belong to: names the files and allows fresh links when one has expired.</summary>
    [Parameter(ParameterSetName = UriPathSet)]
    [Parameter(ParameterSetName = UriLiteralPathSet)]
    [ValidateNotNullOrEmpty]
    public string? TaskId { get; set; }

    /// <summary>
    /// The route -TaskId, and piped objects that name none, are read through when a link has expired: Official
    /// (GET /runwayml/v1/tasks/{id}) or Feed (POST /runway/feed).
    /// </summary>
    [Parameter]
    public RunwayTaskFormat Format { get; set; } = RunwayTaskFormat.Official;

    /// <summary>The directory to save into (wildcards allowed); created when missing. Default: the current location.</summary>
    [Parameter(Position = 0, ParameterSetName = TaskPathSet)]
    [Parameter(Position = 0, ParameterSetName = UriPathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string Path { get; set; } = ".";

    /// <summary>The directory to save into, used exactly as typed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TaskLiteralPathSet)]
    [Parameter(Mandatory = true, ParameterSetName = UriLiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>File name without extension, from {TaskId}, {Index} and {Name}. Default: {TaskId}, or {TaskId}_{Index} for several outputs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameTemplate { get; set; }

    /// <summary>Replace files that already exist.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Never replace an existing file (the default; accepted for symmetry with Out-File).</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>
    /// Leave an existing file alone, instead of failing, when it has the server's length and (when the server
    /// sends Last-Modified) modification time: for runbooks that are run again.
    /// </summary>
    [Parameter]
    public SwitchParameter SkipIdentical { get; set; }

    /// <summary>How many files download at once. Default 4.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Write a FileInfo for each saved file, with TaskId and SourceUri note properties.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool UsesUris => ParameterSetName is UriPathSet or UriLiteralPathSet;

    protected override string EngineFailedErrorId => ErrorIds.RunwayOutputError;

    protected override Task StartEngine()
    {
        if (Force && NoClobber)
        {
            ThrowTerminatingError(ErrorRecords.Create(new ArgumentException("-Force and -NoClobber contradict each other; give one."), ErrorIds.ForceAndNoClobber, ErrorCategory.InvalidArgument, null));
        }

        planner = CreatePlanner(ResolveDestination());
        var downloader = new RunwayDownloader(new RunwayDownloaderOptions { ThrottleLimit = ThrottleLimit }, TaskSourceForRefresh(), PostVerbose);
        progress = new DownloadProgressWriter(CreateProgress("Saving Runway outputs"));
        return downloader.DownloadAllAsync(confirmed.Reader.ReadAllAsync(), Post, StopToken);
    }

    protected override void ProcessInput()
    {
        var requests = UsesUris
            ? DownloadRequest.ForUrls(Uri, TaskId, Format, (text, error) => WriteError(ErrorRecords.FromDownload(error, UrlDisplay.Describe(text))))
            : InputObject.SelectMany(RequestsFor);
        foreach (var request in requests)
        {
            PlanAndConfirm(request);
        }
    }

    protected override void CompleteInput() => confirmed.Writer.TryComplete();

    protected override void Write(DownloadEvent item)
    {
        switch (item)
        {
            case DownloadCompleted completed:
                progress!.Finished(completed);
                WritePassThru(completed.Path, completed.TaskId, completed.Url);
                break;
            case DownloadSkipped skipped:
                progress!.Finished(skipped);
                WritePassThru(skipped.Path, skipped.TaskId, skipped.Download.Url);
                break;
            case DownloadFailed failed:
                progress!.Finished(failed);
                WriteError(ErrorRecords.FromDownload(failed.Error, Target(failed.Download.Task, failed.Download.TaskId, failed.Download.Url)));
                break;
            case DownloadWarning warning:
                WriteWarning(warning.Message);
                break;
            case DownloadProgress file:
                progress!.Show(file);
                break;
            case DownloadBatchProgress batch:
                progress!.Show(batch);
                break;
        }
    }

    /// <summary>The directory through the provider; the downloader creates it when the first file starts, so -WhatIf writes nothing.</summary>
    private string ResolveDestination()
    {
        try
        {
            return DestinationResolver.Resolve(this, LiteralPath ?? Path, literal: LiteralPath is not null);
        }
        catch (DestinationResolver.DestinationException error)
        {
            ThrowTerminatingError(error.Record);
            throw;
        }
    }

    private DownloadPlanner CreatePlanner(string directory)
    {
        try
        {
            return new DownloadPlanner(new DownloadPlanOptions { DestinationDirectory = directory, NameTemplate = NameTemplate, Force = Force, SkipIdentical = SkipIdentical });
        }
        catch (ArgumentException error)
        {
            ThrowTerminatingError(ErrorRecords.Create(error, ErrorIds.InvalidNameTemplate, ErrorCategory.InvalidArgument, NameTemplate));
            throw;
        }
    }

    /// <summary>
    /// Fresh links for expired outputs need the API, at the address each task came from; without a key, downloads
    /// still work, just without refresh.
    /// </summary>
    private IRunwayTaskSource? TaskSourceForRefresh()
    {
        if (ResolveConnection(keyIsOptional: true) is { } connection)
        {
            routes = CreateRoutes(connection, PostVerbose);
            return routes.Source;
        }

        WriteVerbose("No CometAPI key is set, so expired output links cannot be refreshed in this run.");
        return null;
    }

    private IEnumerable<DownloadRequest> RequestsFor(PSObject item)
    {
        TaskInput input;
        try
        {
            input = TaskInput.Read(item, withOutput: true);
            routes?.RouteOrRefuse(input);
        }
        catch (TaskInputException unusable)
        {
            WriteError(unusable.Record);
            return [];
        }

        IReadOnlyList<DownloadRequest> requests;
        try
        {
            requests = input.Task is { } task
                ? DownloadRequest.ForTask(task)
                : DownloadRequest.ForTaskFields(input.Id, input.Format ?? Format, input.Status, input.Output, input.BaseUri);
        }
        catch (RunwayDownloadException error)
        {
            WriteError(ErrorRecords.FromDownload(error, input.Task ?? item.BaseObject));
            return [];
        }

        return TakeOnce(requests);
    }

    /// <summary>The same task (id and route) given again is saved once, as Wait-RunwayTask waits once for an id given twice.</summary>
    private IReadOnlyList<DownloadRequest> TakeOnce(IReadOnlyList<DownloadRequest> requests)
    {
        var first = requests[0];
        if (tasksTaken.Add((first.TaskId!.Trim(), first.TaskFormat ?? Format)))
        {
            return requests;
        }

        WriteVerbose($"Task {first.TaskId} was given again; its outputs are saved once.");
        return [];
    }

    private void PlanAndConfirm(DownloadRequest request)
    {
        PlannedDownload planned;
        try
        {
            planned = planner!.Plan(request);
        }
        catch (RunwayDownloadException error)
        {
            WriteError(ErrorRecords.FromDownload(error, Target(request.Task, request.TaskId, request.Url)));
            return;
        }

        var source = $"output {request.OutputIndex + 1} of {(request.TaskId is null ? "URL" : "task " + request.TaskId)} from {request.Url.Host}";
        if (ShouldProcess(planned.DisplayPath, "Save " + source))
        {
            confirmed.Writer.TryWrite(planned);
        }
    }

    /// <summary>What an error is about: the piped task, else the task id, else the URL (never with its user information).</summary>
    private static object Target(RunwayTask? task, string? taskId, Uri url) => (object?)task ?? (object?)taskId ?? UrlDisplay.WithoutUserInfo(url).ToString();

    /// <summary>
    /// The file as Get-Item gives it (the provider's item, with PSPath and what the FileSystem views show: mode, owner,
    /// size), plus TaskId and SourceUri.
    /// </summary>
    private void WritePassThru(string path, string? taskId, Uri url)
    {
        if (!PassThru)
        {
            return;
        }

        var file = ProviderItem(path) ?? PSObject.AsPSObject(new FileInfo(path));
        file.Properties.Add(new PSNoteProperty("TaskId", taskId));
        file.Properties.Add(new PSNoteProperty("SourceUri", url));
        WriteObject(file);
    }

    private PSObject? ProviderItem(string path)
    {
        try
        {
            // Provider-qualified, so the current location's provider and wildcards play no part.
            return InvokeProvider.Item.Get([@"Microsoft.PowerShell.Core\FileSystem::" + path], force: true, literalPath: true).SingleOrDefault();
        }
        catch (Exception error) when (error is ProviderNotFoundException or ItemNotFoundException or ProviderInvocationException)
        {
            return null;
        }
    }
}
