using System.Text.Json;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Json;

/// <summary>
/// Turns the body of a 2xx task response, of any shape CometAPI sends on either route, into a <see cref="RunwayTask"/>:
/// wrapped <c>{"code":"success","data":{task}}</c>, flat <c>{"task_id",...}</c> or a plain Runway task
/// <c>{"id","status",...}</c>. The shape is told by content, not by route. See design/wire-format.md.
/// </summary>
internal static class RunwayTaskParser
{
    /// <exception cref="RunwayApiException">
    /// <see cref="RunwayErrorKind.TaskNotVisible"/> for <c>task_not_exist</c>; <see cref="RunwayErrorKind.MalformedResponse"/>
    /// for anything that is not a task, with the body quoted.
    /// </exception>
    public static RunwayTask Parse(ReadOnlyMemory<byte> utf8Body, RunwayTaskFormat format, TaskParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        using JsonDocument? document = LenientJson.TryParse(utf8Body, out string? notJson);
        if (document is null)
        {
            throw Malformed(utf8Body.Span, format, notJson!, serverCode: null);
        }

        try
        {
            return FromRoot(document.RootElement, utf8Body.Span, format, context);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or JsonException)
        {
            // Safety net: reading is written not to throw, but a body must never crash the caller.
            throw Malformed(utf8Body.Span, format, "JSON this client could not read", serverCode: null, exception);
        }
    }

    private static RunwayTask FromRoot(JsonElement root, ReadOnlySpan<byte> body, RunwayTaskFormat format, TaskParseContext context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(body, format, $"a JSON {Describe(root.ValueKind)} instead of an object", serverCode: null);
        }

        if (TaskShape.IsTask(root))
        {
            return TaskAssembler.Build(root, envelope: default, format, context);
        }

        ApiErrorBody.TryRead(root, out string? code, out string? message);
        if (ApiErrorBody.IsTaskNotExist(code, message))
        {
            throw new RunwayApiException(
                RunwayErrorKind.TaskNotVisible,
                $"Task '{context.RequestedId}' is not visible yet: the server answered task_not_exist. " +
                "Fresh tasks can take seconds to minutes to appear; read it again later.")
            {
                TaskId = context.RequestedId,
                ServerCode = ApiErrorBody.TaskNotExistCode,
                BodyExcerpt = BodyExcerpt.From(body),
            };
        }

        JsonElement data = JsonFields.Object(root, "data");
        if (TaskShape.IsTask(data))
        {
            return TaskAssembler.Build(data, envelope: root, format, context);
        }

        throw Malformed(body, format, DescribeNonTask(root, code, message), code);
    }

    private static string DescribeNonTask(JsonElement root, string? code, string? message)
    {
        string said = message is null ? "" : $" saying \"{message}\"";
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
        ReadOnlySpan<byte> body, RunwayTaskFormat format, string what, string? serverCode, Exception? inner = null)
    {
        string excerpt = BodyExcerpt.From(body);
        string route = format == RunwayTaskFormat.Feed
            ? "The feed route (POST /runway/feed)"
            : "The official route (GET /runwayml/v1/tasks/{id})";
        string quote = excerpt.Length == 0 ? "" : $" Body: \"{excerpt}\"";
        return new RunwayApiException(
            RunwayErrorKind.MalformedResponse,
            $"{route} sent {what} where a Runway task in JSON was expected " +
            $"({{\"code\":\"success\",\"data\":{{...}}}}, {{\"task_id\":...}} or {{\"id\":...,\"status\":...}}).{quote}",
            inner)
        {
            BodyExcerpt = excerpt,
            ServerCode = serverCode,
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
