using System.Net;
using CometRunway.Emulator;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Emulator;

public sealed class RecordingAndControlTests
{
    [Fact]
    public async Task RequestsAreRecordedWithRawTargetDecodedPathHeadersAndBody()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        emulator.Tasks.Add(EmulatedTask.Pending("a/b c"));
        using var client = EmulatorHttp.AuthorizedClient(emulator);
        client.DefaultRequestHeaders.Add("X-Runway-Version", "2024-11-06");

        using var official = await client.GetAsync("runwayml/v1/tasks/a%2Fb%20c?x=1");
        using var feed = await client.PostFeedAsync("a/b c");

        Assert.Equal(HttpStatusCode.OK, official.StatusCode);
        Assert.Equal("a/b c", (await official.JsonAsync()).Str("id"));
        var requests = emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(("GET", "/runwayml/v1/tasks/a%2Fb%20c?x=1", "/runwayml/v1/tasks/a/b c", "x=1"),
            (requests[0].Method, requests[0].RawTarget, requests[0].Path, requests[0].Query));
        Assert.Equal("2024-11-06", requests[0].Headers["x-runway-version"]);
        Assert.Equal($"Bearer {emulator.ApiKey}", requests[0].Header("AUTHORIZATION"));
        Assert.Equal("POST", requests[1].Method);
        Assert.Equal("""{"task_id":"a/b c"}""", requests[1].Body);
        Assert.True(requests[0].Timestamp <= requests[1].Timestamp);

        emulator.ClearRequests();
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task ControlEndpointsAddTasksAndFaultsListRequestsAndReset()
    {
        await using var emulator = await CometApiEmulator.StartAsync();
        using var control = EmulatorHttp.Client(emulator);
        using var api = EmulatorHttp.AuthorizedClient(emulator);

        using var added = await control.PostAsync("_emulator/tasks", EmulatorHttp.Json("""
            {"id":"ctl","shape":"Flat","timeline":[{"atSeconds":0,"state":"Failed"}],"failure":"bad","failureCode":"INTERNAL.BAD_OUTPUT.CODE01","extra":{"ratio":"1280:768"}}
            """));
        using var fault = await control.PostAsync("_emulator/faults", EmulatorHttp.Json("""{"kind":"rateLimited","retryAfterSeconds":3,"route":"feed","taskId":"ctl"}"""));
        using var limited = await api.PostFeedAsync("ctl");
        var task = await (await api.PostFeedAsync("ctl")).JsonAsync();
        var requests = await (await control.GetAsync("_emulator/requests")).JsonAsync();
        using var badTask = await control.PostAsync("_emulator/tasks", EmulatorHttp.Json("""{"id":"x","timeline":[{"state":"Sleeping"}]}"""));
        using var badFault = await control.PostAsync("_emulator/faults", EmulatorHttp.Json("{not json"));
        using var reset = await control.PostAsync("_emulator/reset", null);
        using var afterReset = await api.PostFeedAsync("ctl");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(("FAILURE", "bad"), (task.Str("status"), task.Str("fail_reason")));
        Assert.Equal("INTERNAL.BAD_OUTPUT.CODE01", task.GetProperty("data").Str("failureCode"));
        Assert.Equal("1280:768", task.GetProperty("data").Str("ratio"));
        Assert.Equal(2, requests.GetArrayLength());
        Assert.Equal("/runway/feed", requests[0].Str("path"));
        Assert.Equal(HttpStatusCode.BadRequest, badTask.StatusCode);
        Assert.Contains("Sleeping", (await badTask.JsonAsync()).GetProperty("error").Str("message"));
        Assert.Equal(HttpStatusCode.BadRequest, badFault.StatusCode);
        Assert.Contains("not valid JSON", (await badFault.JsonAsync()).GetProperty("error").Str("message"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterReset.StatusCode);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task FileRouteServesDeterministicContentWithETagAndSingleRanges()
    {
        await using var emulator = await CometApiEmulator.StartAsync(new EmulatorOptions { FileSize = 300_000 });
        using var client = EmulatorHttp.Client(emulator);

        using var full = await client.GetAsync(emulator.FileUri("t1.mp4"));
        var bytes = await full.Content.ReadAsByteArrayAsync();
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, emulator.FileUri("t1.mp4"));
        rangeRequest.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999);
        using var partial = await client.SendAsync(rangeRequest);
        using var png = await client.GetAsync(emulator.FileUri("poster.png"));
        var again = await client.GetByteArrayAsync(emulator.FileUri("t1.mp4"));

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("video/mp4", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal(300_000, full.Content.Headers.ContentLength);
        Assert.Equal(300_000, bytes.Length);
        Assert.NotNull(full.Headers.ETag);
        Assert.Contains("bytes", full.Headers.AcceptRanges);
        Assert.Equal(bytes, again);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[1000..2000], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(300_000, partial.Content.Headers.ContentRange?.Length);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(bytes[..64], (await png.Content.ReadAsByteArrayAsync())[..64]);
        Assert.Null(emulator.Requests[0].Header("Authorization"));
    }
}
