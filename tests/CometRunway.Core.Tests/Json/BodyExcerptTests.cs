using System.Text;
using CometRunway.Core.Json;

namespace CometRunway.Core.Tests.Json;

public sealed class BodyExcerptTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("short", "short")]
    [InlineData("line1\r\nline2\tx", "line1 line2 x")]
    [InlineData("  padded  ", "padded")]
    [InlineData("a\u0000b\u001Bc\u007Fd", "a b c d")]
    [InlineData("<p>\n   kept   as   text\n</p>", "<p> kept as text </p>")]
    [InlineData("héllo ✓ 😀", "héllo ✓ 😀")]
    public void Makes_bodies_printable_on_one_line(string body, string expected) =>
        Assert.Equal(expected, BodyExcerpt.From(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    public void Cuts_long_bodies_with_an_ellipsis(int maxChars)
    {
        var excerpt = BodyExcerpt.From(Encoding.UTF8.GetBytes(new string('a', 10_240)), maxChars);

        Assert.Equal(maxChars + 1, excerpt.Length);
        Assert.Equal(new string('a', maxChars) + "…", excerpt);
    }

    [Fact]
    public void Body_of_exactly_max_chars_is_not_cut() =>
        Assert.Equal(new string('b', 300), BodyExcerpt.From(Encoding.UTF8.GetBytes(new string('b', 300))));

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var excerpt = BodyExcerpt.From(Encoding.UTF8.GetBytes("abcd" + string.Concat(Enumerable.Repeat("😀", 10))), 5);

        Assert.Equal("abcd…", excerpt);
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters()
    {
        var excerpt = BodyExcerpt.From([(byte)'o', (byte)'k', 0xFF, 0xC3, (byte)'!']);

        Assert.StartsWith("ok", excerpt);
        Assert.Contains('\uFFFD', excerpt);
        Assert.EndsWith("!", excerpt);
    }

    [Fact]
    public void Long_multibyte_bodies_are_bounded()
    {
        var excerpt = BodyExcerpt.From(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("日本😀", 5000))));

        Assert.InRange(excerpt.Length, 299, 301);
        Assert.EndsWith("…", excerpt);
    }
}
