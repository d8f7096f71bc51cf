using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CometRunway.Core.Http;
using CometRunway.Core.Json;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Tests.Json;

/// <summary>The ways a task object reaches us: the shapes of docs/design/wire-format.md.</summary>
public enum BodyShape
{
    /// <summary><c>{"code":"success","message":"","data":{task}}</c>.</summary>
    Wrapped,

    /// <summary><c>{"code":200,"msg":"success","data":{task}}</c>.</summary>
    WrappedNumericCode,

    /// <summary>The task object at the top level (flat feed task, or plain Runway task).</summary>
    TopLevel,
}

internal static class ParseTestKit
{
    public const string RequestedId = "requested-id";

    public static readonly Uri BaseUri = new("https://api.cometapi.com/");

    public static readonly DateTimeOffset RetrievedAt = new(2026, 3, 13, 2, 0, 0, TimeSpan.Zero);

    public static readonly TaskParseContext Context = new(RequestedId, "2024-11-06", BaseUri, RetrievedAt);

    public static IEnumerable<RunwayTaskFormat> Routes => [RunwayTaskFormat.Feed, RunwayTaskFormat.Official];

    public static IEnumerable<BodyShape> Shapes => Enum.GetValues<BodyShape>();

    public static string InShape(string taskJson, BodyShape shape) => shape switch
    {
        BodyShape.Wrapped => $$"""{"code":"success","message":"","data":{{taskJson}}}""",
        BodyShape.WrappedNumericCode => $$"""{"code":200,"msg":"success","data":{{taskJson}}}""",
        _ => taskJson,
    };

    /// <summary>Reads whatever task the body holds: these tests are about shapes, not about which task answered (see TaskIdentityTests).</summary>
    public static RunwayTask Parse(string body, RunwayTaskFormat format = RunwayTaskFormat.Feed) =>
        RunwayTaskParser.ReadAnyTask(Encoding.UTF8.GetBytes(body), format, Context);

    public static RunwayTask Parse(string taskJson, BodyShape shape, RunwayTaskFormat format = RunwayTaskFormat.Feed) =>
        Parse(InShape(taskJson, shape), format);

    /// <summary>Parses and expects a <see cref="RunwayApiException"/> (never any other exception).</summary>
    public static RunwayApiException ParseFails(byte[] body, RunwayTaskFormat format = RunwayTaskFormat.Feed)
    {
        var thrown = Record.Exception(() => RunwayTaskParser.ReadAnyTask(body, format, Context));
        Assert.NotNull(thrown);
        return Assert.IsType<RunwayApiException>(thrown);
    }

    public static RunwayApiException ParseFails(string body, RunwayTaskFormat format = RunwayTaskFormat.Feed) =>
        ParseFails(Encoding.UTF8.GetBytes(body), format);

    /// <summary>Fails when a value (recursively) is anything but a plain .NET value.</summary>
    public static void AssertPlain(object? value, string path = "$")
    {
        switch (value)
        {
            case null or string or long or double or bool:
                return;
            case Dictionary<string, object?> dictionary:
                Assert.Same(StringComparer.Ordinal, dictionary.Comparer);
                foreach (var entry in dictionary)
                {
                    AssertPlain(entry.Value, $"{path}.{entry.Key}");
                }

                return;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    AssertPlain(list[i], $"{path}[{i}]");
                }

                return;
            case JsonElement or JsonNode or JsonDocument:
                Assert.Fail($"{path} is a {value.GetType().Name}; System.Text.Json types must not leak.");
                return;
            case IEnumerable:
                Assert.Fail($"{path} is a {value.GetType().Name}, not Dictionary<string, object?> or List<object?>.");
                return;
            default:
                Assert.Fail($"{path} is a {value.GetType().Name}, not a plain JSON value.");
                return;
        }
    }
}
