namespace CometRunway.Core.Configuration;

/// <summary>Where to send requests and with which key: the result of resolving parameters, session and environment.</summary>
internal sealed class CometApiConnection
{
    public const string DefaultBaseAddress = "https://api.cometapi.com";

    public CometApiConnection(Uri baseUri, ApiKey apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(apiKey);
        BaseUri = baseUri;
        ApiKey = apiKey;
    }

    public Uri BaseUri { get; }

    public ApiKey ApiKey { get; }

    public override string ToString() => BaseUri.ToString();
}
