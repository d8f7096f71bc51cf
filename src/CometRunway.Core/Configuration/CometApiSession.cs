namespace CometRunway.Core.Configuration;

/// <summary>What <c>Connect-CometApi</c> remembers for one runspace: a key, a base address and request settings.</summary>
public sealed record CometApiSession(ApiKey? ApiKey, Uri? BaseUri, bool AllowUnencryptedAuthentication)
{
    /// <summary>How long one attempt of a request may take; null: the default (60 s).</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>How many times a transiently failing request is tried again; null: the default (3).</summary>
    public int? MaximumRetryCount { get; init; }

    /// <summary>The X-Runway-Version sent; null: the default (2024-11-06).</summary>
    public string? RunwayVersion { get; init; }

    public override string ToString() => $"CometApiSession({BaseUri?.ToString() ?? "default address"}, key {(ApiKey is null ? "not set" : "set")})";
}
