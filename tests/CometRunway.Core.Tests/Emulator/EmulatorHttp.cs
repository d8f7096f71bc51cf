using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Emulator;

/// <summary>Plain HttpClient calls against a started emulator, as a client of CometAPI would make them.</summary>
internal static class EmulatorHttp
{
    public static HttpClient Client(CometApiEmulator emulator, string? key = null, bool followRedirects = false)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = emulator.BaseUri };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static HttpClient AuthorizedClient(CometApiEmulator emulator) => Client(emulator, emulator.ApiKey);

    public static Task<HttpResponseMessage> GetOfficialAsync(this HttpClient client, string taskId) =>
        client.GetAsync("runwayml/v1/tasks/" + Uri.EscapeDataString(taskId));

    public static Task<HttpResponseMessage> PostFeedAsync(this HttpClient client, string taskId) =>
        client.PostFeedRawAsync(JsonSerializer.Serialize(new { task_id = taskId }));

    public static Task<HttpResponseMessage> PostFeedRawAsync(this HttpClient client, string body) =>
        client.PostAsync("runway/feed", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>POSTs a create body to <paramref name="path"/> (e.g. <c>runwayml/v1/image_to_video</c>), with <c>X-Runway-Version</c> unless null.</summary>
    public static Task<HttpResponseMessage> PostCreateAsync(this HttpClient client, string path, string body, string? runwayVersion = "2024-11-06", CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (runwayVersion is not null)
        {
            request.Headers.Add("X-Runway-Version", runwayVersion);
        }

        return client.SendAsync(request, cancellationToken);
    }

    /// <summary>A JSON request body, e.g. for the control endpoints.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
