using System.Text;
using CometRunway.Core.Downloading;

namespace CometRunway.Core.Tests.Downloading;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("video.mp4", "video.mp4")]
    [InlineData("..", "download")]
    [InlineData(".", "download")]
    [InlineData("...", "download")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("..\\..\\windows\\win.ini", "_.._windows_win.ini")]
    [InlineData("a/b", "a_b")]
    [InlineData("a\\b", "a_b")]
    [InlineData("/abs", "_abs")]
    [InlineData("C:\\x", "C__x")]
    [InlineData("a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h")]
    [InlineData(".hidden", "hidden")]
    [InlineData("name. . .", "name")]
    [InlineData("name   ", "name")]
    [InlineData("  name", "name")]
    [InlineData("", "download")]
    [InlineData("   ", "download")]
    [InlineData(null, "download")]
    public void SeparatorsDotsAndBlanks(string? input, string expected) =>
        Assert.Equal(expected, SafeFileName.Sanitize(input));

    [Theory]
    [InlineData("CON")]
    [InlineData("con")]
    [InlineData("PRN")]
    [InlineData("AUX")]
    [InlineData("NUL")]
    [InlineData("COM1")]
    [InlineData("COM9")]
    [InlineData("LPT1")]
    [InlineData("LPT9")]
    [InlineData("CON.mp4")]
    [InlineData("nul.tar.gz")]
    [InlineData("Com3.txt")]
    [InlineData("lpt5.png")]
    [InlineData("CON .mp4")]
    [InlineData("COM\u00B9")]
    public void ReservedDeviceNamesArePrefixed(string input)
    {
        var result = SafeFileName.Sanitize(input);
        Assert.StartsWith("_", result);
        Assert.False(SafeFileName.IsReservedDeviceName(result));
    }

    [Theory]
    [InlineData("CONSOLE.mp4")]
    [InlineData("COM10")]
    [InlineData("LPT")]
    [InlineData("nully.mp4")]
    [InlineData("icon.png")]
    public void NamesThatOnlyLookReservedAreKept(string input) => Assert.Equal(input, SafeFileName.Sanitize(input));

    [Fact]
    public void EveryAsciiControlCharacterIsReplaced()
    {
        for (var c = 0; c < 32; c++)
        {
            var result = SafeFileName.Sanitize($"a{(char)c}b");
            Assert.Equal("a_b", result);
        }

        Assert.Equal("a_b", SafeFileName.Sanitize("a\u007Fb"));
        Assert.Equal("a_b", SafeFileName.Sanitize("a\u0085b"));
    }

    [Theory]
    [InlineData("evil\u202Egpj.exe", "evil_gpj.exe")]
    [InlineData("a\u2066b", "a_b")]
    [InlineData("a\u200Fb", "a_b")]
    [InlineData("a\u2028b", "a_b")]
    [InlineData("\uFEFFbom", "_bom")]
    public void DirectionAndSeparatorControlsAreReplaced(string input, string expected) =>
        Assert.Equal(expected, SafeFileName.Sanitize(input));

    [Theory]
    [InlineData("vidéo.mp4")]
    [InlineData("日本語の動画.mp4")]
    [InlineData("🎬 clip.mp4")]
    [InlineData("Ünïcödé")]
    public void UnicodeLettersAndEmojiAreKept(string input) => Assert.Equal(input.Normalize(NormalizationForm.FormC), SafeFileName.Sanitize(input));

    [Fact]
    public void DecomposedUnicodeIsNormalizedToComposed() =>
        Assert.Equal("vid\u00E9o", SafeFileName.Sanitize("vide\u0301o"));

    [Fact]
    public void LoneSurrogatesDoNotSurvive()
    {
        var result = SafeFileName.Sanitize("a\uD800b");
        Assert.DoesNotContain('\uD800', result);
    }

    [Fact]
    public void VeryLongNamesAreCutKeepingTheExtension()
    {
        var result = SafeFileName.Sanitize(new string('a', 5000) + ".mp4");
        Assert.EndsWith(".mp4", result);
        Assert.True(Encoding.UTF8.GetByteCount(result) <= SafeFileName.MaxNameBytes);
    }

    [Fact]
    public void LongMultibyteNamesAreCutOnCharacterBoundaries()
    {
        var result = SafeFileName.Sanitize(string.Concat(Enumerable.Repeat("🎬日", 300)) + ".png");
        Assert.EndsWith(".png", result);
        Assert.True(Encoding.UTF8.GetByteCount(result) <= SafeFileName.MaxNameBytes);
        Assert.DoesNotContain('\uFFFD', result);
        Assert.True(result.Normalize() == result);
    }

    [Fact]
    public void FallbackIsUsedAndItselfSanitized()
    {
        Assert.Equal("task_1", SafeFileName.Sanitize("..", "task/1"));
        Assert.Equal("download", SafeFileName.Sanitize("", ".."));
    }

    [Theory]
    [InlineData("mp4", "mp4")]
    [InlineData(".MP4", "mp4")]
    [InlineData("webm", "webm")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("mp4/../x", "")]
    [InlineData("m p4", "")]
    [InlineData("abcdefghijk", "")]
    [InlineData("exe\u0000", "")]
    public void Extensions(string? input, string expected) => Assert.Equal(expected, SafeFileName.SanitizeExtension(input));

    [Fact]
    public void ResultsAreNeverPathsOrTraversals()
    {
        string[] nasty = ["..", "../..", "..\\", "a/../../b", "%2e%2e", "\0", "CON/..", "./.", "/", "\\", "....//", "..\u2215.."];
        foreach (var input in nasty)
        {
            var result = SafeFileName.Sanitize(input);
            Assert.DoesNotContain('/', result);
            Assert.DoesNotContain('\\', result);
            Assert.NotEqual("..", result);
            Assert.NotEqual(".", result);
            Assert.False(result.StartsWith('.'), result);
            Assert.Equal(result, Path.GetFileName(result));
        }
    }
}
