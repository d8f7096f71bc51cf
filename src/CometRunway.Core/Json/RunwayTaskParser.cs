using System.Text.Json;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Json;

/// <summary>
/// Turns the body of a 2xx task response, of any shape CometAPI sends on either route, into a <see cref="RunwayTask"/>:
/// wrapped <c>{"code":"success","data":{task}}</c>, flat <c>{"task_id",...}</c> or a plain Runway task
/// <c>{"id","status",...}</c>. The shape is told by content, not by route. See docs/design/wire-format.md.
/// </summary>
internal static class RunwayTaskParser
{
    /// <summary>The task in the body, when it is the one the request asked for.</summary>
    /// <exception cref="RunwayApiException">
    /// <see cref="RunwayErrorKind.TaskNotVisible"/> for <c>task_not_exist</c>; <see cref="RunwayErrorKind.MalformedResponse"/>
    /// for anything that is not a task, or another task than the one asked for, with the body quoted.
    /// </exception>
    public static RunwayTask Parse(ReadOnlyMemory<byte> utf8Body, RunwayTaskFormat format, TaskParseContext context) =>
        TheOneAsked(ReadAnyTask(utf8Body, format, context), utf8Body.Span, format, context);

    /// <summary>Whatever task the body holds; its id is the outer one, or the one asked for when the body has none.</summary>
    /// <exception cref="RunwayApiException">As <see cref="Parse"/>, but another task is not an error.</exception>
    public static RunwayTask ReadAnyTask(ReadOnlyMemory<byte> utf8Body, RunwayTaskFormat format, TaskParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var parsed = LenientJson.TryParse(utf8Body, out var notJson);
        if (parsed is null)
        {
            throw Malformed(utf8Body.Span, context, format, notJson!, serverCode: null);
        }

        using var document = KeyScrubber.Scrub(parsed, utf8Body.Span, context.Key);
        try
        {
            return FromRoot(document.RootElement, utf8Body.Span, format, context);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or JsonException)
        {
            // Safety net: reading is written not to throw, but a body must never crash the caller.
            throw Malformed(utf8Body.Span, context, format, "JSON this client could not read", serverCode: null, exception);
        }
    }

    private static RunwayTask FromRoot(JsonElement root, ReadOnlySpan<byte> body, RunwayTaskFormat format, TaskParseContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(body, context, format, $"a JSON {Describe(root.ValueKind)} instead of an object", serverCode: null);
        }

        if (TaskShape.IsTask(root))
        {
            return TaskAssembler.Build(root, envelope: default, format, context);
        }

        ApiErrorBody.TryRead(root, out var code, out var message);
        if (ApiErrorBody.IsTaskNotExist(code, message))
        {
            throw new RunwayApiException(
                RunwayErrorKind.TaskNotVisible,
                $"Task '{context.RequestedId}' is not visible yet: the server answered task_not_exist. " +
                "Fresh tasks can take seconds to minutes to appear; read it again later.")
            {
                TaskId = context.RequestedId,
                ServerCode = ApiErrorBody.TaskNotExistCode,
                BodyExcerpt = BodyExcerpt.From(body, key: context.Key),
            };
        }

        var data = JsonFields.Object(root, "data");
        if (TaskShape.IsTask(data))
        {
            return TaskAssembler.Build(data, envelope: root, format, context);
        }

        throw Malformed(body, context, format, DescribeNonTask(root, code, message), code);
    }

    /// <summary>
    /// The task, when it is the one asked for. Its id is the outer one (task_id, else id) or, when the body has
    /// none, the one asked for; the nested provider id may differ and is not compared. Case is not compared.
    /// </summary>
    private static RunwayTask TheOneAsked(RunwayTask task, ReadOnlySpan<byte> body, RunwayTaskFormat format, TaskParseContext context)
    {
        if (string.Equals(task.Id, context.RequestedId, StringComparison.OrdinalIgnoreCase))
        {
            return task;
        }

        var excerpt = BodyExcerpt.From(body, key: context.Key);
        throw new RunwayApiException(
            RunwayErrorKind.MalformedResponse,
            $"{Route(format)} answered the request for task '{context.RequestedId}' with task '{task.Id}', so the answer was not used; " +
            $"a proxy or cache in between may be mixing up answers.{Quote(excerpt)}")
        {
            TaskId = context.RequestedId,
            BodyExcerpt = excerpt,
        };
    }

    private static string DescribeNonTask(JsonElement root, string? code, string? message)
    {
        var said = message is null ? "" : $" saying \"{message}\"";
        if (JsonFields.Has(root, "error"))
        {
            return $"an error{(code is null ? "" : $" (code {code})")}{said} instead of a task";
        }

        if (code is not null)
        {
            return ApiErrorBody.IsSuccessCode(code)
                ? "a success wrapper without a task in its \"data\""
                : $"a wrapper with code '{code}'{said} and no task";
        }

        return "a JSON object without task fields (neither \"task_id\" nor \"status\" with \"id\")";
    }

    private static RunwayApiException Malformed(
        ReadOnlySpan<byte> body, TaskParseContext context, RunwayTaskFormat format, string what, string? serverCode, Exception? inner = null)
    {
        var excerpt = BodyExcerpt.From(body, key: context.Key);
        return new RunwayApiException(
            RunwayErrorKind.MalformedResponse,
            $"{Route(format)} sent {what} where a Runway task in JSON was expected " +
            $"({{\"code\":\"success\",\"data\":{{...}}}}, {{\"task_id\":...}} or {{\"id\":...,\"status\":...}}).{Quote(excerpt)}",
            inner)
        {
            BodyExcerpt = excerpt,
            ServerCode = serverCode,
        };
    }

    private static string Route(RunwayTaskFormat format) => format == RunwayTaskFormat.Feed
        ? "The feed route (POST /runway/feed)"
        : "The official route (GET /runwayml/v1/tasks/{id})";

    private static string Quote(string excerpt) => excerpt.Length == 0 ? "" : $" Body: \"{excerpt}\"";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
