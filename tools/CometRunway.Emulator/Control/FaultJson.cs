using System.Text.Json.Nodes;
using CometRunway.Emulator.Faults;

namespace CometRunway.Emulator.Control;

/// <summary>
/// Reads a <see cref="FaultRule"/> from the body of <c>POST /_emulator/faults</c>:
/// <code>
/// {"kind":"rateLimited","retryAfterSeconds":2,"retryAfterStyle":"HttpDate","route":"feed","times":3}
/// {"kind":"status","status":503,"always":true}   {"kind":"html","status":502}   {"kind":"reset","taskId":"t1"}
/// {"kind":"gateway","status":500,"message":"upstream error","type":"upstream_error","code":"bad_response"}
/// {"kind":"delay","delayMs":3000}   {"kind":"redirect","location":"https://example.invalid/"}
/// {"kind":"truncated"}   {"kind":"quotaExhausted"}   {"kind":"drop","route":"create"}
/// {"kind":"status","status":502,"route":"create","createsTask":true}
/// </code>
/// </summary>
internal static class FaultJson
{
    private const string Kinds = "status, rateLimited, quotaExhausted, gateway, html, redirect, truncated, delay, reset, drop";

    public static FaultRule Parse(JsonObject json)
    {
        var fields = new JsonFields(json, "fault");
        var kind = fields.RequiredString("kind");
        var status = fields.Int("status");
        var rule = kind.ToLowerInvariant() switch
        {
            "status" => FaultRule.Status(status ?? 500, fields.String("body"), contentType: fields.String("contentType") ?? "application/json"),
            "ratelimited" => FaultRule.RateLimited(fields.Seconds("retryAfterSeconds"), fields.Enum<RetryAfterStyle>("retryAfterStyle") ?? RetryAfterStyle.Seconds),
            "quotaexhausted" => FaultRule.QuotaExhausted(),
            "gateway" => FaultRule.Gateway(status ?? 500, fields.String("message") ?? "upstream error", fields.String("type") ?? "comet_api_error", fields.String("code") ?? ""),
            "html" => FaultRule.Html(status ?? 502, fields.String("body")),
            "redirect" => FaultRule.Redirect(fields.RequiredString("location"), status ?? 301),
            "truncated" => FaultRule.Truncated(),
            "delay" => FaultRule.Delay(TimeSpan.FromMilliseconds(fields.Int("delayMs") ?? throw new ControlJsonException("fault: \"delayMs\" is required for kind \"delay\"."))),
            "reset" => FaultRule.Reset(),
            "drop" => FaultRule.Drop(),
            _ => throw new ControlJsonException($"fault: unknown \"kind\" \"{kind}\"; expected one of {Kinds}."),
        };

        var headers = fields.StringMap("headers");
        if (headers.Count > 0)
        {
            rule = rule with { Headers = headers };
        }

        if (kind is not "delay" && fields.Int("delayMs") is { } delayMs)
        {
            rule = rule.After(TimeSpan.FromMilliseconds(delayMs));
        }

        rule = rule with
        {
            Route = fields.Enum<FaultRoute>("route") ?? FaultRoute.Any,
            TaskId = fields.String("taskId"),
            CreatesTask = fields.Bool("createsTask") ?? false,
        };

        if (fields.Bool("always") == true)
        {
            return rule.Always();
        }

        return fields.Int("times") is { } times
            ? times > 0 ? rule.Times(times) : throw new ControlJsonException("fault: \"times\" must be at least 1 (or use \"always\": true).")
            : rule;
    }
}
