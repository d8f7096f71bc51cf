using System.Net.Http.Headers;
using CometRunway.Core.Configuration;

namespace CometRunway.Core.Http;

/// <summary>
/// A request to CometAPI with the headers every one carries: the Bearer key, Accept JSON, <c>X-Runway-Version</c> and
/// the one User-Agent. Every value was checked for header safety when it was made (ApiKey, RunwayClientOptions, UserAgent).
/// </summary>
internal static class ApiRequest
{
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, ApiKey key, string runwayVersion, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("X-Runway-Version", runwayVersion);
        UserAgent.AddTo(request);
        return request;
    }
}
