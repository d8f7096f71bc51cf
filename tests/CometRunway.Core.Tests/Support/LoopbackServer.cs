using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CometRunway.Core.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) that answers every request with a test's own handler, for wire
/// behaviour the emulator and the file host do not script (trickling bodies, odd headers). Counts requests.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref requests);

    /// <param name="handle">Gets each request and the 1-based number of the request.</param>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handle)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(context => handle(context, Interlocked.Increment(ref server!.requests)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address + "/"));
        return server;
    }

    /// <summary>Writes <paramref name="body"/> one byte at a time, <paramref name="pause"/> apart, until the client goes away.</summary>
    public static async Task TrickleAsync(HttpContext context, string body, TimeSpan pause)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        try
        {
            foreach (var c in body)
            {
                await context.Response.Body.WriteAsync(new[] { (byte)c }, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(pause, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
