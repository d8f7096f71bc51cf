using System.Text.Json;
using CometRunway.Core.Configuration;

namespace CometRunway.Core.Json;

/// <summary>Reads the error envelopes CometAPI and its gateway send, mostly with non-2xx responses.</summary>
internal static class ApiErrorBody
{
    public const string TaskNotExistCode = "task_not_exist";

    /// <summary>
    /// Reads <c>{"code":"task_not_exist","message":"...","data":null}</c>, the gateway's
    /// <c>{"error":{"message","type","param","code"}}</c> (code as string or number, else the type) and
    /// <c>{"message":"..."}</c>. False for anything that is not a JSON object carrying a code or message.
    /// </summary>
    /// <remarks>Both come through <see cref="ServerText.Cap"/>: without <paramref name="key"/>, then cut.</remarks>
    public static bool TryRead(ReadOnlySpan<byte> utf8Body, out string? code, out string? message, ApiKey? key = null)
    {
        code = null;
        message = null;
        using var document = LenientJson.TryParse(utf8Body, out _);
        return document is not null && TryRead(document.RootElement, out code, out message, key);
    }

    public static bool TryRead(JsonElement root, out string? code, out string? message, ApiKey? key = null)
    {
        code = null;
        message = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (JsonFields.TryGet(root, "error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                code = JsonFields.Text(error, "code") ?? JsonFields.Text(error, "type");
                message = JsonFields.Text(error, "message");
            }
            else
            {
                message = JsonFields.Text(error);
            }
        }

        code = ServerText.Cap(code ?? JsonFields.Text(root, "code"), key);
        message = ServerText.Cap(message ?? JsonFields.Text(root, "message") ?? JsonFields.Text(root, "msg") ?? JsonFields.Text(root, "detail"), key);
        return code is not null || message is not null;
    }

    /// <summary>The "not visible yet" answer for fresh tasks, by code or by message.</summary>
    public static bool IsTaskNotExist(string? code, string? message) =>
        string.Equals(code?.Trim(), TaskNotExistCode, StringComparison.OrdinalIgnoreCase)
        || (message is not null && (message.Contains(TaskNotExistCode, StringComparison.OrdinalIgnoreCase)
            || message.Contains("task not exist", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether the error speaks of an exhausted quota or balance (e.g. <c>insufficient_user_quota</c>), which no retry fixes.</summary>
    public static bool IsQuotaExhausted(string? code, string? message) =>
        MentionsQuota(code) || MentionsQuota(message);

    /// <summary>The success marker of a wrapper: <c>"success"</c>, <c>"ok"</c> or <c>200</c>.</summary>
    public static bool IsSuccessCode(string? code) =>
        code is not null && (code.Trim().Equals("success", StringComparison.OrdinalIgnoreCase)
            || code.Trim().Equals("ok", StringComparison.OrdinalIgnoreCase)
            || code.Trim() == "200");

    private static bool MentionsQuota(string? text) =>
        text is not null && (text.Contains("quota", StringComparison.OrdinalIgnoreCase)
            || text.Contains("insufficient_balance", StringComparison.OrdinalIgnoreCase)
            || text.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase));
}
