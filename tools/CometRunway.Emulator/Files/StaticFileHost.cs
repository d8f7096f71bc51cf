using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CometRunway.Emulator.Files;

/// <summary>
/// A static file host on 127.0.0.1 (its own Kestrel, port chosen by the OS) with ETag, Last-Modified,
/// single ranges with If-Range, and per-file faults. Records every request. Independent of the API emulator.
/// </summary>
public sealed class StaticFileHost : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly ConcurrentDictionary<string, HostedFile> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedFileRequest> requests = new();
    private WebApplication? app;

    private StaticFileHost()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedFileRequest> Requests => requests.ToArray();

    public static async Task<StaticFileHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var host = new StaticFileHost();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(host.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        host.app = app;
        return host;
    }

    /// <summary>Serves <paramref name="file"/> at <paramref name="path"/> (as sent, e.g. <c>/v/a.mp4</c>); returns its URL.</summary>
    public Uri Add(string path, HostedFile file, string? query = null)
    {
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        // Keyed by the path as a client sends it (System.Uri unescapes %2e and the like).
        var url = UrlFor(path, query);
        files[url.AbsolutePath] = file;
        return url;
    }

    public Uri UrlFor(string path, string? query = null) =>
        new(BaseAddress, path.TrimStart('/') + (query is null ? string.Empty : "?" + query));

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        // The raw target keeps percent-encoding (%2F stays %2F), as a file host would see it.
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var rawPath = rawTarget.Split('?')[0];
        requests.Enqueue(new RecordedFileRequest(
            rawPath,
            request.QueryString.Value ?? string.Empty,
            request.Headers.ContainsKey("Authorization"),
            request.Headers.Range.ToString() is { Length: > 0 } range ? range : null,
            request.Headers.IfRange.ToString() is { Length: > 0 } ifRange ? ifRange : null,
            request.Headers.UserAgent.ToString(),
            request.Headers.Keys.ToArray()));

        if (!files.TryGetValue(rawPath, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var number = file.NextRequestNumber();
        if (file.RedirectTo is { } location)
        {
            context.Response.StatusCode = file.RedirectStatus;
            context.Response.Headers.Location = location;
            return;
        }

        if (file.RequiredToken is { } token && request.Query["token"] != token)
        {
            context.Response.StatusCode = file.ExpiredStatus;
            await context.Response.WriteAsync("Request has expired", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (number <= file.FailFirstRequests)
        {
            context.Response.StatusCode = file.FailureStatus;
            return;
        }

        var served = number > 1 && file.ReplacementAfterFirstRequest is { } replacement ? replacement : file;
        await ServeAsync(context, file, served, number).ConfigureAwait(false);
    }

    private static async Task ServeAsync(HttpContext context, HostedFile faults, HostedFile content, int number)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentType = content.ContentType;
        if (content.ETag is { } etag)
        {
            headers.ETag = etag;
        }

        if (content.LastModified is { } lastModified)
        {
            headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        }

        long start = 0;
        var end = content.Length - 1;
        if (!faults.IgnoreRange)
        {
            headers.AcceptRanges = "bytes";
            if (TryParseRange(context.Request, content, faults.IgnoreIfRange, out var from, out var to))
            {
                if (from >= content.Length)
                {
                    response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                    headers.ContentRange = $"bytes */{content.Length}";
                    return;
                }

                start = from;
                end = Math.Min(to ?? content.Length - 1, content.Length - 1);
                response.StatusCode = StatusCodes.Status206PartialContent;
                headers.ContentRange = $"bytes {start}-{end}/{content.Length}";
            }
        }

        var count = end - start + 1;
        response.ContentLength = count + faults.DeclaredLengthExtra;
        var dropAt = number <= faults.DropForFirstRequests ? faults.DropAfterBytes : null;
        var stallAt = number == 1 ? faults.StallAfterBytes : null;
        await WriteBodyAsync(context, faults, content, start, count, dropAt, stallAt).ConfigureAwait(false);
    }

    private static async Task WriteBodyAsync(
        HttpContext context, HostedFile faults, HostedFile content, long start, long count, long? dropAt, long? stallAt)
    {
        var buffer = new byte[ChunkSize];
        var aborted = context.RequestAborted;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long sent = 0;
        try
        {
            while (sent < count)
            {
                var chunk = (int)Math.Min(ChunkSize, count - sent);
                if (faults.BytesPerSecond is { } rate)
                {
                    chunk = Math.Min(chunk, Math.Max(1, rate / 10));
                }

                var limit = Math.Min(dropAt ?? long.MaxValue, stallAt ?? long.MaxValue);
                if (sent + chunk >= limit)
                {
                    chunk = (int)(limit - sent);
                }

                content.CopyTo(start + sent, buffer.AsSpan(0, chunk));
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, chunk), aborted).ConfigureAwait(false);
                sent += chunk;

                if (sent == dropAt)
                {
                    await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    context.Abort();
                    return;
                }

                if (sent == stallAt)
                {
                    await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
                }

                if (faults.BytesPerSecond is { } bytesPerSecond)
                {
                    var due = TimeSpan.FromSeconds(sent / (double)bytesPerSecond) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, aborted).ConfigureAwait(false);
                    }
                }
            }

            if (faults.DeclaredLengthExtra > 0)
            {
                // The body is shorter than declared: end the connection the way a broken server would.
                await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                context.Abort();
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static bool TryParseRange(HttpRequest request, HostedFile content, bool ignoreIfRange, out long from, out long? to)
    {
        from = 0;
        to = null;
        var range = request.Headers.Range.ToString();
        if (!range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || range.Contains(','))
        {
            return false;
        }

        var ifRange = request.Headers.IfRange.ToString();
        if (ifRange.Length > 0 && !ignoreIfRange && !IfRangeMatches(ifRange, content))
        {
            return false;
        }

        var parts = range["bytes=".Length..].Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            return false;
        }

        if (parts[1].Length > 0)
        {
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last < from)
            {
                return false;
            }

            to = last;
        }

        return true;
    }

    private static bool IfRangeMatches(string ifRange, HostedFile content)
    {
        if (ifRange.StartsWith('"'))
        {
            return content.ETag == ifRange;
        }

        return content.LastModified is { } lastModified
            && DateTimeOffset.TryParse(ifRange, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date == lastModified;
    }
}
