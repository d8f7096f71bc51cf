using CometRunway.Core.Retry;

namespace CometRunway.Core.Tests.Retry;

/// <summary>Any Retry-After a server sends is read without throwing; absurd ones become the longest delay.</summary>
public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 13, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("0", 0)]
    [InlineData("Fri, 13 Mar 2026 02:00:30 GMT", 30)]
    [InlineData("Fri, 13 Mar 2026 01:00:00 GMT", 0)]
    public void ReadsSecondsAndDates(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(value, Now));

    [Theory]
    [InlineData("1e12")]
    [InlineData("99999999999999999999")]
    [InlineData("1e400")]
    [InlineData("Infinity")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public void AbsurdlyLongDelaysAreReadAsTheLongest(string value) =>
        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Parse(value, Now));

    [Theory]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("soon")]
    [InlineData("")]
    public void UnusableValuesAreIgnored(string value) => Assert.Null(RetryAfterHeader.Parse(value, Now));

    [Fact]
    public void MillisecondsBeatSecondsAndAreCappedToo()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1e300");
        response.Headers.TryAddWithoutValidation("Retry-After", "3");

        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Read(response.Headers, Now));
    }
}
