using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

[Trait("Category", "Unit")]
public class TimestampFieldTests
{
    [Theory]
    [InlineData("1763812345.123456789", TimestampUnit.Seconds, 1763812345_123456789L)]
    [InlineData("1763812345.5", TimestampUnit.Seconds, 1763812345_500000000L)]
    [InlineData("1763812345", TimestampUnit.Seconds, 1763812345_000000000L)]
    [InlineData("1763812345.1234567891234", TimestampUnit.Seconds, 1763812345_123456789L)]
    [InlineData("1763812345123", TimestampUnit.Milliseconds, 1763812345_123000000L)]
    [InlineData("1763812345123.25", TimestampUnit.Milliseconds, 1763812345_123250000L)]
    [InlineData("1763812345123456", TimestampUnit.Microseconds, 1763812345_123456000L)]
    [InlineData("1763812345123456789", TimestampUnit.Nanoseconds, 1763812345_123456789L)]
    public void A_timestamp_in_a_declared_unit_becomes_nanoseconds(string text, TimestampUnit unit, long expected)
    {
        Assert.True(TimestampField.TryParse(Logs.Bytes(text), unit, out var ns));
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("1763812345.123456789", 1763812345_123456789L)]
    [InlineData("1763812345", 1763812345_000000000L)]
    [InlineData("1763812345123", 1763812345_123000000L)]
    [InlineData("1763812345123456", 1763812345_123456000L)]
    [InlineData("1763812345123456789", 1763812345_123456789L)]
    public void An_auto_timestamp_takes_its_unit_from_its_magnitude_as_unix_time(string text, long expected)
    {
        Assert.True(TimestampField.TryParse(Logs.Bytes(text), TimestampUnit.Auto, out var ns));
        Assert.Equal(expected, ns);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("17.")]
    [InlineData("17.5.1")]
    [InlineData("-17")]
    [InlineData("17,5")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999999.5")]
    public void What_is_not_a_decimal_timestamp_or_overflows_is_refused(string text)
    {
        var unit = text == "9999999999999.5" ? TimestampUnit.Seconds : TimestampUnit.Auto;
        Assert.False(TimestampField.TryParse(Logs.Bytes(text), unit, out _));
    }
}
