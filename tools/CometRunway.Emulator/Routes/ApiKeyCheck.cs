using CometRunway.Emulator.Responses;

namespace CometRunway.Emulator.Routes;

/// <summary>The API routes' <c>Authorization: Bearer &lt;key&gt;</c> check.</summary>
internal static class ApiKeyCheck
{
    public static bool IsAuthorized(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }

    /// <summary>HTTP 401 with the gateway's envelope.</summary>
    public static (int Status, byte[] Body) Unauthorized(EmulatorState state) =>
        (StatusCodes.Status401Unauthorized, ErrorBodies.Gateway("Invalid token", state.NextRequestId(), "comet_api_error", "invalid_api_key"));
}
