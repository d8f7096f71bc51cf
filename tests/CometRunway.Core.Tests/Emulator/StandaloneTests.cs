using System.Net;
using System.Text.RegularExpressions;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Emulator;

public sealed class StandaloneTests
{
    [Fact]
    public async Task StandaloneModePrintsHowToConnectAndServesTheDemoTasks()
    {
        var output = new SynchronizedWriter();
        using var stop = new CancellationTokenSource();
        var run = Program.RunAsync(["--port", "0", "--key", "sk-demo-key"], output, TextWriter.Null, stop.Token);

        var baseUrl = await WaitForBaseUrlAsync(output, run);
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sk-demo-key");
        var succeeded = await (await client.GetOfficialAsync("demo-succeeded")).JsonAsync();
        var failed = (await (await client.PostFeedAsync("demo-failed")).JsonAsync()).GetProperty("data");
        using var missing = await client.GetOfficialAsync("missing-42");
        var fresh = await (await client.GetOfficialAsync("my-first-task")).JsonAsync();
        var download = await client.GetByteArrayAsync(succeeded.GetProperty("output")[0].GetString());
        stop.Cancel();
        var exitCode = await run;

        Assert.Contains("sk-demo-key", output.Text);
        Assert.Contains("Get-RunwayTask -Id demo-succeeded", output.Text);
        Assert.Equal("SUCCEEDED", succeeded.Str("status"));
        Assert.Equal(baseUrl + "/files/demo-succeeded.png", succeeded.Str("poster"));
        Assert.Equal(("FAILURE", "SAFETY.INPUT.TEXT"), (failed.Str("status"), failed.GetProperty("data").Str("failureCode")));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains(fresh.Str("status"), new[] { "PENDING", "RUNNING" });
        Assert.NotEmpty(download);
        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--key")]
    [InlineData("--verbose")]
    public async Task BadArgumentsExitWith2AndSayWhatIsWrong(params string[] args)
    {
        var errors = new StringWriter();

        var exitCode = await Program.RunAsync(args, TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains(args[0], errors.ToString());
        Assert.Contains("Usage:", errors.ToString());
    }

    private static async Task<string> WaitForBaseUrlAsync(SynchronizedWriter output, Task<int> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            var match = Regex.Match(output.Text, @"http://127\.0\.0\.1:\d+");
            if (match.Success)
            {
                return match.Value;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"The standalone emulator printed no address. Output: {output.Text}");
    }

    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly object gate = new();

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return ToString();
                }
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (gate)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }
    }
}
