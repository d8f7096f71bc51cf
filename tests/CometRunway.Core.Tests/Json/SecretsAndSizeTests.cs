using System.Collections;
using System.Text;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;
using CometRunway.Core.Tasks;
using static CometRunway.Core.Tests.Json.ParseTestKit;

namespace CometRunway.Core.Tests.Json;

/// <summary>
/// Issues 10.12 and 10.8: a key a server echoes never reaches the task object, however it is written in the JSON;
/// a huge failure text is cut to a size an error message can carry.
/// </summary>
public sealed class SecretsAndSizeTests
{
    private const string Secret = "sk-echoed-0123456789abcdef+/=";

    private static readonly ApiKey Key = ApiKey.FromString(Secret);

    private static RunwayTask ParseWithKey(string body) =>
        RunwayTaskParser.Parse(Encoding.UTF8.GetBytes(body), RunwayTaskFormat.Official, Context with { RequestedId = "t1", Key = Key });

    [Theory]
    [InlineData("""{"id":"t1","status":"FAILED","failure":"invalid token sk-echoed-0123456789abcdef+/= for this account"}""")]
    [InlineData("""{"id":"t1","status":"FAILED","failure":"invalid token \u0073k-echoed-0123456789abcdef\u002B\/= here"}""")]
    [InlineData("""{"id":"t1","status":"FAILED","failure":{"detail":"key sk-echoed-0123456789abcdef+/= refused"}}""")]
    [InlineData("""{"id":"t1","status":"FAILED","failureCode":"AUTH.sk-echoed-0123456789abcdef+/="}""")]
    [InlineData("""{"id":"t1","status":"FAILED","debug":{"headers":["Authorization: Bearer sk-echoed-0123456789abcdef+/="]}}""")]
    [InlineData("""{"id":"t1","status":"FAILED","sk-echoed-0123456789abcdef+/=":"as a property name"}""")]
    [InlineData("""{"id":"t1","status":"SUCCEEDED","output":["https://cdn.example/v.mp4?k=sk-echoed-0123456789abcdef+/="]}""")]
    [InlineData("""{"code":"success","data":{"task_id":"t1","status":"FAILURE","fail_reason":"sk-echoed-0123456789abcdef+/=","data":{"failure":"sk-echoed-0123456789abcdef+/="}}}""")]
    public void AnEchoedKeyIsRedactedEverywhereInTheTask(string body)
    {
        var task = ParseWithKey(body);

        var everything = string.Join("\n", AllText(task));
        Assert.DoesNotContain(Secret, everything);
        Assert.Contains("****", everything);
        Assert.Equal("t1", task.Id);
    }

    [Theory]
    [InlineData("SK-ECHOED-0123456789ABCDEF+/=")]
    [InlineData("Sk-Echoed-0123456789AbCdEf+/=")]
    public void AKeyEchoedInAnotherLetterCaseIsRedactedToo(string echoed)
    {
        var task = ParseWithKey($$"""{"id":"t1","status":"FAILED","failure":"invalid token {{echoed}} for this account"}""");

        var everything = string.Join("\n", AllText(task));
        Assert.DoesNotContain(Secret, everything, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("invalid token **** for this account", everything);
    }

    [Fact]
    public void ABodyWithoutTheKeyIsReadUnchanged()
    {
        var body = """{"id":"t1","status":"FAILED","failure":"caf\u00e9 \/ <b>"}""";

        Assert.Equal("café / <b>", ParseWithKey(body).FailureReason);
    }

    [Fact]
    public void AMegabytesLongFailureTextIsCutWithItsLength()
    {
        var reason = new string('x', 7 * 1024 * 1024);
        var task = ParseWithKey($$"""{"id":"t1","status":"FAILED","failure":"{{reason}}"}""");

        Assert.StartsWith(new string('x', ServerText.MaxChars), task.FailureReason);
        Assert.EndsWith($"… (cut at {ServerText.MaxChars} of {reason.Length} characters)", task.FailureReason);
        Assert.True(task.FailureReason!.Length < ServerText.MaxChars + 60);
    }

    [Fact]
    public void ACutNeverSplitsACharacter()
    {
        var text = new string('a', ServerText.MaxChars - 1) + "\U0001F3AC" + "tail";

        var cut = ServerText.Cap(text)!;

        Assert.StartsWith(new string('a', ServerText.MaxChars - 1) + "…", cut);
    }

    /// <summary>Every string the task holds, its properties included, as a transcript or Export-Clixml would show them.</summary>
    private static IEnumerable<string> AllText(RunwayTask task)
    {
        yield return task.Id;
        yield return task.RawStatus ?? string.Empty;
        yield return task.FailureReason ?? string.Empty;
        yield return task.FailureCode ?? string.Empty;
        yield return task.Action ?? string.Empty;
        foreach (var url in task.Output.Concat(task.Assets))
        {
            yield return url.OriginalString;
        }

        foreach (var text in Flatten(task.Properties))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> Flatten(object? value) => value switch
    {
        string text => [text],
        IDictionary<string, object?> map => map.SelectMany(pair => Flatten(pair.Value).Prepend(pair.Key)),
        IReadOnlyDictionary<string, object?> map => map.SelectMany(pair => Flatten(pair.Value).Prepend(pair.Key)),
        IEnumerable items => items.Cast<object?>().SelectMany(Flatten),
        _ => [],
    };
}
