using System.Text.Json;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>
/// A server that echoes the key, in any field of its error envelope or anywhere in a body that is not JSON, at any offset
/// around the cuts (the 300-character excerpt, the 2000-character server text): no part of the key reaches what
/// Export-Clixml writes of the error record, nor the verbose or debug streams, on reads and on creates.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class KeyEchoTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;

    public KeyEchoTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    public static TheoryData<string, string> Echoes()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "read", "create" })
        {
            foreach (var padding in new[] { 1988, 1990, 1993, 1995, 1997, 1999, 2000 })
            {
                data.Add(command, $"envelope {padding}");
            }

            foreach (var padding in new[] { 250, 270, 280, 285, 290, 293, 296, 298, 300 })
            {
                data.Add(command, $"text {padding}");
            }

            data.Add(command, "escaped");
            data.Add(command, "percent");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public void NoPartOfAnEchoedKeyReachesTheErrorRecordOrTheStreams(string command, string echo)
    {
        var key = emulator.ApiKey;
        var route = command == "read" ? FaultRoute.Official : FaultRoute.Create;
        var parts = echo.Split(' ');
        var padding = parts.Length > 1 ? int.Parse(parts[1]) : 0;
        var fault = parts[0] switch
        {
            "envelope" => FaultRule.Status(400, JsonSerializer.Serialize(new
            {
                error = new
                {
                    message = new string('m', padding) + key,
                    type = new string('t', padding) + key,
                    code = new string('c', padding) + key,
                    param = new string('p', padding) + key,
                },
            })),
            "text" => FaultRule.Status(400, new string('x', padding) + " " + key + " end", contentType: "text/plain"),
            "escaped" => FaultRule.Status(400, "not json {\"message\":\"" + Escaped(key) + "\"", contentType: "text/plain"),
            _ => FaultRule.Status(400, "token=" + PercentEncoded(key) + "&x=1", contentType: "text/plain"),
        };
        emulator.Faults.Add(fault.On(route));
        var run = command == "read"
            ? "Get-RunwayTask 'echo-1' -MaximumRetryCount 0"
            : $"New-RunwayImageToVideoTask {Image}";

        var result = fixture.Run($$"""
            $DebugPreference = 'Continue'
            $streams = {{run}} {{Connection}} -Verbose -Debug -ErrorVariable failures 2>$null 4>&1 5>&1
            [System.Management.Automation.PSSerializer]::Serialize(@($failures) + @($streams), 5)
            @($streams) | ForEach-Object { "$_" }
            """);

        Assert.Null(result.Terminating);
        var everything = string.Join('\n', result.Output) + result.AllText();
        Assert.Contains(command == "read" ? "RunwayBadRequest" : "RunwayCreate", everything);
        Assert.Contains("-> 400", everything);
        Assert.DoesNotContain(key[..4], everything);
        Assert.DoesNotContain(Escaped(key[..4]), everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PercentEncoded(key[..4]), everything, StringComparison.OrdinalIgnoreCase);
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    private static string PercentEncoded(string text) => string.Concat(text.Select(c => $"%{(int)c:X2}"));
}
