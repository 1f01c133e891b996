using CriuBench.Vocabulary;

namespace CriuBench.Tests.Vocabulary;

[Trait("Category", "Unit")]
public class LinkRateTests
{
    [Theory]
    [InlineData("1gbit", 1_000_000_000L)]
    [InlineData("100mbit", 100_000_000L)]
    [InlineData("2.5gbit", 2_500_000_000L)]
    [InlineData("500kbit", 500_000L)]
    [InlineData(" 1GBIT ", 1_000_000_000L)]
    public void A_rate_is_read_in_tc_units(string text, long bits) =>
        Assert.Equal(bits, LinkRate.Parse(text).BitsPerSecond);

    [Theory]
    [InlineData("unlimited")]
    [InlineData("none")]
    public void Unlimited_has_no_rate(string text)
    {
        var rate = LinkRate.Parse(text);
        Assert.True(rate.IsUnlimited);
        Assert.Null(rate.BytesPerSecond);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("1 gbit")]
    [InlineData("1gb")]
    [InlineData("-1mbit")]
    public void A_malformed_rate_says_what_to_write(string text)
    {
        var error = Assert.Throws<FormatException>(() => LinkRate.Parse(text));
        Assert.Contains("100mbit", error.Message);
    }

    [Fact]
    public void A_rate_too_slow_to_move_a_checkpoint_is_refused() =>
        Assert.Throws<FormatException>(() => LinkRate.Parse("1kbit"));
}
