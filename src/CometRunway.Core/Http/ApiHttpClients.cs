using System.Collections.Concurrent;
using System.Net;

namespace CometRunway.Core.Http;

/// <summary>
/// One long-lived <see cref="HttpClient"/> per API origin, so that repeated commands in a script reuse
/// pooled connections. Shared across runspaces on purpose: it holds no per-user state (the key is set
/// on each request, never on the client), and a handler per command would exhaust sockets.
/// </summary>
internal static class ApiHttpClients
{
    private static readonly ConcurrentDictionary<string, HttpClient> ByOrigin = new(StringComparer.OrdinalIgnoreCase);

    public static HttpClient For(Uri baseUri) =>
        ByOrigin.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), static _ => Create());

    private static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(20),
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
