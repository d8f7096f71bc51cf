using CometRunway.Core.Configuration;

namespace CometRunway.Core.Tests.Configuration;

public sealed class ConnectionResolverTests
{
    private static readonly ApiKey ParameterKey = ApiKey.FromString("sk-parameter");
    private static readonly ApiKey SessionKey = ApiKey.FromString("sk-session");

    private static Func<string, string?> Env(string? key = null, string? baseUrl = null) => name => name switch
    {
        ConnectionResolver.ApiKeyVariable => key,
        ConnectionResolver.BaseUrlVariable => baseUrl,
        _ => null,
    };

    [Fact]
    public void ParameterBeatsSessionBeatsEnvironment()
    {
        var session = new CometApiSession(SessionKey, new Uri("https://session.example/"), false);

        Assert.Same(ParameterKey, ConnectionResolver.Resolve(ParameterKey, null, session, Env("sk-env"), false).ApiKey);
        Assert.Same(SessionKey, ConnectionResolver.Resolve(null, null, session, Env("sk-env"), false).ApiKey);
        Assert.Equal("sk-env", ConnectionResolver.Resolve(null, null, null, Env("sk-env"), false).ApiKey.Reveal());
    }

    [Fact]
    public void BaseAddressPrecedenceEndsAtThePublicDefault()
    {
        var session = new CometApiSession(null, new Uri("https://session.example/"), false);

        Assert.Equal("https://param.example/", ConnectionResolver.Resolve(ParameterKey, "https://param.example", session, Env(baseUrl: "https://env.example"), false).BaseUri.ToString());
        Assert.Equal("https://session.example/", ConnectionResolver.Resolve(ParameterKey, null, session, Env(baseUrl: "https://env.example"), false).BaseUri.ToString());
        Assert.Equal("https://env.example/", ConnectionResolver.Resolve(ParameterKey, null, null, Env(baseUrl: "https://env.example"), false).BaseUri.ToString());
        Assert.Equal("https://api.cometapi.com/", ConnectionResolver.Resolve(ParameterKey, null, null, Env(), false).BaseUri.ToString());
    }

    [Fact]
    public void NoKeyAnywhereSaysHowToProvideOne()
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(null, null, null, Env(), false));

        Assert.Contains("-ApiKey", error.Message);
        Assert.Contains("Connect-CometApi", error.Message);
        Assert.Contains("COMETAPI_KEY", error.Message);
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://10.0.0.5:8080")]
    public void PlainHttpToARemoteHostIsRefusedUnlessAllowed(string address)
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(ParameterKey, address, null, Env(), false));
        Assert.Contains("-AllowUnencryptedAuthentication", error.Message);

        Assert.Equal("http", ConnectionResolver.Resolve(ParameterKey, address, null, Env(), true).BaseUri.Scheme);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void PlainHttpToLoopbackIsAllowed(string address) =>
        Assert.True(ConnectionResolver.Resolve(ParameterKey, address, null, Env(), false).BaseUri.IsLoopback);

    [Theory]
    [InlineData("api.cometapi.com")]
    [InlineData("ftp://api.cometapi.com")]
    [InlineData("https://user:pass@api.cometapi.com")]
    [InlineData("https://api.cometapi.com/?key=1")]
    [InlineData("not a url")]
    public void UnusableBaseAddressesAreRefusedWithAReason(string address)
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(ParameterKey, address, null, Env(), false));
        Assert.DoesNotContain("pass@", error.Message.Replace(address, string.Empty));
    }

    [Fact]
    public void PathPrefixIsKeptWithATrailingSlash() =>
        Assert.Equal("https://proxy.example/comet/", ConnectionResolver.ParseBaseUri("https://proxy.example/comet", false).ToString());

    [Fact]
    public void KeyFromEnvironmentThatIsBlankCountsAsMissing() =>
        Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(null, null, null, Env("   "), false));

    [Theory]
    [InlineData("Bearer sk-abc", "sk-abc")]
    [InlineData("  sk-abc  ", "sk-abc")]
    public void KeysAreNormalized(string given, string expected) => Assert.Equal(expected, ApiKey.FromString(given).Reveal());

    [Theory]
    [InlineData("sk-caf\u00e9-0123456789", "the non-ASCII character U+00E9")]
    [InlineData("sk-\u201csmart\u201d-0123456789", "the non-ASCII character U+201C")]
    [InlineData("sk-\ud83d\udd11-0123456789", "the non-ASCII character U+D83D")]
    public void AKeyThatCannotBeSentInAHeaderIsRefusedWhenMadeWithoutQuotingIt(string key, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiKey.FromString(key));

        Assert.Contains(reason, error.Message);
        Assert.Contains("cannot be sent in an HTTP header", error.Message);
        Assert.DoesNotContain("0123456789", error.Message);
    }

    [Fact]
    public void ANonAsciiKeyFromTheEnvironmentIsAConfigurationErrorNamingTheVariable()
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(null, null, null, Env("sk-caf\u00e9-0123456789"), false));

        Assert.Contains("COMETAPI_KEY", error.Message);
        Assert.Contains("U+00E9", error.Message);
        Assert.DoesNotContain("0123456789", error.Message);
    }

    [Fact]
    public void KeysNeverPrint()
    {
        var key = ApiKey.FromString("sk-secret-value-123456");
        Assert.DoesNotContain("secret", key.ToString());
        Assert.DoesNotContain("secret", new CometApiSession(key, null, false).ToString());
        Assert.DoesNotContain("secret", new CometApiConnection(new Uri("https://a.example/"), key).ToString());
    }

    [Fact]
    public void ASessionsPermissionForPlainHttpCoversOnlyItsOwnAddress()
    {
        var session = new CometApiSession(SessionKey, new Uri("http://proxy.example/"), AllowUnencryptedAuthentication: true);

        Assert.Equal("http://proxy.example/", ConnectionResolver.Resolve(null, null, session, Env(), false).BaseUri.ToString());
        Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(null, "http://other.example", session, Env(), false));
    }
}
