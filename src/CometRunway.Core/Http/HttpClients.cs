using System.Net;

namespace CometRunway.Core.Http;

/// <summary>
/// The one HttpClient lifetime policy: one long-lived client per kind of host, shared by every command in the
/// process, so repeated commands reuse pooled connections and none exhausts sockets. Shared across runspaces on
/// purpose: they hold no per-user state (the key is set on each request, never on a client; no cookies, no
/// credentials, no default headers), and pooled connections are renewed every few minutes so DNS changes are seen.
/// </summary>
internal static class HttpClients
{
    /// <summary>How long making a connection may take, for either kind of host.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>For CometAPI: compressed answers are welcome.</summary>
    public static HttpClient Api { get; } = Create(DecompressionMethods.All);

    /// <summary>For file hosts: no decompression, so lengths and byte ranges are exact.</summary>
    public static HttpClient Files { get; } = Create(DecompressionMethods.None);

    private static HttpClient Create(DecompressionMethods decompression) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = ConnectTimeout,
            // Redirects are refused (API) or followed by hand (files, http and https only): the key never follows one.
            AllowAutoRedirect = false,
            AutomaticDecompression = decompression,
            UseCookies = false,
            Credentials = null,
            PreAuthenticate = false,
        }, disposeHandler: true)
        {
            // Each caller bounds its own attempts (a request timeout, a stall rule): a 1 GiB file may take longer than any fixed limit.
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
