using CometRunway.Core.Configuration;

namespace CometRunway.Core.Tests.Configuration;

/// <summary>Callers tell configuration errors apart by their kind, never by their message.</summary>
public sealed class ConfigurationErrorKindTests
{
    private static readonly ApiKey Key = ApiKey.FromString("sk-kind-test-0001");

    [Theory]
    [InlineData(null, null, ConfigurationErrorKind.KeyMissing)]
    [InlineData(null, "   ", ConfigurationErrorKind.KeyMissing)]
    [InlineData(null, "sk-has a space", ConfigurationErrorKind.KeyInvalid)]
    [InlineData("not a url", "sk-fine-0001", ConfigurationErrorKind.BaseUriInvalid)]
    [InlineData("ftp://api.example", "sk-fine-0001", ConfigurationErrorKind.BaseUriInvalid)]
    [InlineData("https://user:pw@api.example", "sk-fine-0001", ConfigurationErrorKind.BaseUriInvalid)]
    [InlineData("http://api.example", "sk-fine-0001", ConfigurationErrorKind.BaseUriInvalid)]
    public void EachProblemHasItsKind(string? baseUri, string? environmentKey, ConfigurationErrorKind expected)
    {
        var error = Assert.Throws<CometApiConfigurationException>(() =>
            ConnectionResolver.Resolve(null, baseUri, null, name => name == ConnectionResolver.ApiKeyVariable ? environmentKey : null, false));

        Assert.Equal(expected, error.Kind);
    }

    [Fact]
    public void AnExplicitKeyWithABadAddressIsAnAddressProblem() =>
        Assert.Equal(
            ConfigurationErrorKind.BaseUriInvalid,
            Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.Resolve(Key, "api.example", null, _ => null, false)).Kind);
}
