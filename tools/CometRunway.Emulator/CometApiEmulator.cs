using System.Net;
using CometRunway.Emulator.Creating;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Recording;
using CometRunway.Emulator.Routes;
using CometRunway.Emulator.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CometRunway.Emulator;

/// <summary>
/// A CometAPI look-alike on 127.0.0.1: the Runway task routes (official and feed) in all three response
/// shapes, every create route, a scripted task store, fault injection, request recording and a small file host.
/// </summary>
public sealed class CometApiEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state;

    private CometApiEmulator(WebApplication app, EmulatorState state, Uri baseUri)
    {
        this.app = app;
        this.state = state;
        BaseUri = baseUri;
    }

    /// <summary>The emulator's address, ending in '/', e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The key the task routes accept as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey => state.Options.ApiKey;

    public EmulatorOptions Options => state.Options;

    public EmulatedTaskStore Tasks => state.Tasks;

    public FaultSet Faults => state.Faults;

    /// <summary>How the create routes behave; set a changed copy (<c>with { … }</c>). <see cref="Reset"/> restores the start settings.</summary>
    public CreateSettings CreateSettings
    {
        get => state.CreateSettings;
        set => state.CreateSettings = value;
    }

    /// <summary>The tasks the create routes made so far, oldest first; a snapshot. Refused requests make none.</summary>
    public IReadOnlyList<CreatedTaskRecord> CreatedTasks => state.Created.Snapshot();

    /// <summary>How many tasks the create routes made: a retry that duplicated a paid task shows here.</summary>
    public int CreatedCount => state.Created.Count;

    /// <summary>The requests received so far (control endpoints excluded), oldest first; a snapshot.</summary>
    public IReadOnlyList<RecordedRequest> Requests => state.Recorder.Snapshot();

    /// <summary><c>{base}runwayml/v1/tasks/{escaped id}</c>.</summary>
    public Uri OfficialTaskUri(string taskId) => new(BaseUri, "runwayml/v1/tasks/" + Uri.EscapeDataString(taskId));

    /// <summary><c>{base}runway/feed</c>.</summary>
    public Uri FeedUri => new(BaseUri, "runway/feed");

    /// <summary><c>{base}runwayml/v1/{route}</c> or <c>{base}runway/pro/{route}</c>, e.g. <c>CreateUri("runwayml/v1/image_to_video")</c>.</summary>
    public Uri CreateUri(string path) => new(BaseUri, path.TrimStart('/'));

    /// <summary><c>{base}files/{escaped name}</c>.</summary>
    public Uri FileUri(string name) => new(BaseUri, "files/" + Uri.EscapeDataString(name));

    public void ClearRequests() => state.Recorder.Clear();

    /// <summary>Forgets all tasks, faults, recorded requests and created tasks, and restores the create settings (demo mode re-seeds its demo tasks).</summary>
    public void Reset() => state.Reset();

    public static async Task<CometApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("The emulator needs a non-empty API key to accept.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The port must be 0 (any free port) to 65535.");
        }

        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(CometApiEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        app.UseRequestRecording(state);
        app.MapTaskRoutes(state);
        app.MapCreateRoutes(state);
        app.MapGeneratedFiles(state);
        app.MapControlRoutes(state);

        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CometApiEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    public override string ToString() => $"CometAPI emulator at {BaseUri}";
}
