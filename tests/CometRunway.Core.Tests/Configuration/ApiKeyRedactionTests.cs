using CometRunway.Core.Configuration;

namespace CometRunway.Core.Tests.Configuration;

/// <summary>What ApiKey.Redact takes out of text (server answers, exception messages) and what it leaves alone.</summary>
public sealed class ApiKeyRedactionTests
{
    private const string LongKey = "sk-0123456789abcdefXYZ";

    [Fact]
    public void AKeyOfTypicalLengthGoesWhereverItAppearsEvenGluedToOtherText()
    {
        var key = ApiKey.FromString(LongKey);

        Assert.Equal("Invalid token **** (Bearer****, key=****;****)", key.Redact($"Invalid token {LongKey} (Bearer{LongKey}, key={LongKey};{LongKey})"));
    }

    [Fact]
    public void AShortKeyGoesOnlyWhereItStandsAloneSoTextIsNotGarbled()
    {
        var key = ApiKey.FromString("k");

        Assert.Equal("The server rejected the API key: Invalid token ****.", key.Redact("The server rejected the API key: Invalid token k."));
        Assert.Equal("key=****; ****", key.Redact("key=k; k"));
    }

    [Theory]
    [InlineData("sk-minute", "Retry in a minute with sk-minute", "Retry in a minute with ****")]
    [InlineData("sk-minute", "sk-minutes left", "sk-minutes left")]
    [InlineData("abc", "abc abcabc xabc abc_ abc.", "**** abcabc xabc abc_ ****.")]
    public void ShortKeysAreWholeTokens(string secret, string text, string expected) =>
        Assert.Equal(expected, ApiKey.FromString(secret).Redact(text));

    [Fact]
    public void AKeyEchoedInAnotherLetterCaseIsRedactedToo()
    {
        var key = ApiKey.FromString(LongKey);

        Assert.Equal("invalid key: ****; KEY=****", key.Redact($"invalid key: {LongKey.ToLowerInvariant()}; KEY={LongKey.ToUpperInvariant()}"));
        Assert.Equal("invalid token ****.", ApiKey.FromString("Ab1").Redact("invalid token aB1."));
    }

    [Fact]
    public void APercentEncodedKeyIsRedactedToo()
    {
        var key = ApiKey.FromString("sk-with+plus/and=equals0123");

        Assert.Equal("https://evil.example/?k=**** and ****", key.Redact("https://evil.example/?k=sk-with%2Bplus%2Fand%3Dequals0123 and sk-with+plus/and=equals0123"));
    }

    [Fact]
    public void TextWithoutTheKeyIsReturnedAsIs()
    {
        var key = ApiKey.FromString(LongKey);
        var text = "nothing secret here";

        Assert.Same(text, key.Redact(text));
        Assert.Same(text, ApiKey.FromString("k").Redact(text));
    }

    [Fact]
    public void MatchesComparesTheSecretNotTheInstance()
    {
        Assert.True(ApiKey.FromString(LongKey).Matches(ApiKey.FromString(" " + LongKey + " ")));
        Assert.False(ApiKey.FromString(LongKey).Matches(ApiKey.FromString(LongKey + "0")));
    }
}
