namespace CometRunway.Core.Configuration;

/// <summary>What <c>Connect-CometApi</c> remembers for one runspace.</summary>
public sealed record CometApiSession(ApiKey? ApiKey, Uri? BaseUri, bool AllowUnencryptedAuthentication)
{
    public override string ToString() => $"CometApiSession({BaseUri?.ToString() ?? "default address"}, key {(ApiKey is null ? "not set" : "set")})";
}
