using System.Net;
using CometRunway.Core.Http;

namespace CometRunway.Core.Downloading;

/// <summary>
/// Sends a GET to a file host and follows redirects by hand: only to http and https, at most a set number of
/// hops, and never with the URL's user information (the file-host client sends no credentials at all).
/// </summary>
internal sealed class RedirectFollower(HttpClient client, int maxRedirects)
{
    /// <param name="url">Where to start.</param>
    /// <param name="prepare">Adds per-request headers (Range, If-Range) to each request sent.</param>
    /// <param name="refuse">Makes the exception thrown for a redirect that is not followed, from the reason.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The first answer that is not a redirect, and the URL that gave it.</returns>
    public async Task<(HttpResponseMessage Response, Uri AnsweringUrl)> GetAsync(
        Uri url, Action<HttpRequestMessage> prepare, Func<string, Exception> refuse, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, UrlDisplay.WithoutUserInfo(current));
            UserAgent.AddTo(request);
            prepare(request);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return (response, current);
            }

            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            {
                throw refuse($"{current.Host} redirected to a '{next.Scheme}:' URL, and only http and https redirects are followed.");
            }

            if (hop >= maxRedirects)
            {
                throw refuse($"more than {maxRedirects} redirects, starting at {url.Host}.");
            }

            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
