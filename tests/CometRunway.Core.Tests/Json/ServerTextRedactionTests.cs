using System.Text;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;

namespace CometRunway.Core.Tests.Json;

/// <summary>ServerText's one rule: the key out of the whole text first, then the cut, and no start of the key at a cut's end.</summary>
public sealed class ServerTextRedactionTests
{
    private const string Secret = "sk-test-not-a-real-key-SENDER0123";
    private static readonly ApiKey Key = ApiKey.FromString(Secret);

    [Theory]
    [InlineData(1980)]
    [InlineData(1990)]
    [InlineData(1995)]
    [InlineData(1999)]
    public void AKeyAcrossTheCutOfServerTextLeavesNoPartOfItself(int padding)
    {
        var capped = ServerText.Cap(new string('m', padding) + Secret + " end", Key)!;

        Assert.DoesNotContain(Secret[..4], capped);
        Assert.StartsWith(new string('m', padding), capped);
    }

    [Theory]
    [InlineData(280)]
    [InlineData(290)]
    [InlineData(299)]
    public void AKeyAcrossTheCutOfAnExcerptLeavesNoPartOfItself(int padding)
    {
        var excerpt = BodyExcerpt.From(Encoding.UTF8.GetBytes(new string('x', padding) + Secret + " end"), key: Key);

        Assert.DoesNotContain(Secret[..4], excerpt);
    }

    [Fact]
    public void AStartOfTheKeyThatTheServerCutItselfIsTakenOutAtTheCut()
    {
        // The server quoted only the key's first 12 characters, right where our cut falls.
        var text = new string('m', ServerText.MaxChars - 12) + Secret[..12] + new string('n', 50);

        var capped = ServerText.Cap(text, Key)!;

        Assert.DoesNotContain(Secret[..4], capped);
        Assert.Contains("****…", capped);
    }

    [Fact]
    public void AKeyWrittenWithJsonEscapesOrPercentEncodedIsFound()
    {
        var escaped = string.Concat(Secret.Select(c => $"\\u{(int)c:x4}"));
        var encoded = string.Concat(Secret.Select(c => $"%{(int)c:X2}"));

        Assert.Equal("{\"message\":\"****\"", ServerText.Redact("{\"message\":\"" + escaped + "\"", Key));
        Assert.Equal("token=****&x=1", ServerText.Redact("token=" + encoded + "&x=1", Key));
    }

    [Fact]
    public void AKeyEchoedLowerCasedIsFoundInTheWholeTextAndAtTheCut()
    {
        var lower = Secret.ToLowerInvariant();
        var atCut = new string('m', ServerText.MaxChars - 12) + lower[..12] + new string('n', 50);

        Assert.Equal("invalid key: ****", ServerText.Redact("invalid key: " + lower, Key));
        Assert.DoesNotContain(lower[..4], ServerText.Cap(atCut, Key)!);
    }

    [Fact]
    public void TextWithoutTheKeyIsLeftAsTheServerWroteIt()
    {
        const string text = "a\\u0041 b%41 c";

        Assert.Same(text, ServerText.Redact(text, Key));
    }
}
