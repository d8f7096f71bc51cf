using System.Net;

namespace CometRunway.Core.Downloading;

/// <summary>
/// The file-host client: no redirects (followed by hand, http and https only), no decompression (lengths are
/// byte-exact), no cookies, no credentials, and nothing in the default headers but a User-Agent.
/// </summary>
internal static class DownloadHttpClientFactory
{
    public static HttpClient Create(RunwayDownloaderOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            Credentials = null,
            PreAuthenticate = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };

        var client = new HttpClient(handler, disposeHandler: true)
        {
            // Each read has its own stall timeout instead: a 1 GiB file may take longer than any fixed limit.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }
}
