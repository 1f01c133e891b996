using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

[Trait("Category", "Unit")]
public class OutputLineTests
{
    [Fact]
    public void A_counter_line_is_one_number()
    {
        Assert.True(OutputLine.TryParse(Logs.Bytes("4711"), OutputFormat.Counter, out long counter, out long ns));
        Assert.Equal(4711, counter);
        Assert.Equal(0, ns);
    }

    [Fact]
    public void A_ticker_line_is_a_counter_and_nanoseconds()
    {
        Assert.True(OutputLine.TryParse(Logs.Bytes("3575 1795306758522315411"), OutputFormat.CounterTimestamp, out long counter, out long ns));
        Assert.Equal(3575, counter);
        Assert.Equal(1795306758522315411, ns);
    }

    [Fact]
    public void The_largest_long_still_parses()
    {
        Assert.True(OutputLine.TryParse(Logs.Bytes("9223372036854775807"), OutputFormat.Counter, out long counter, out _));
        Assert.Equal(long.MaxValue, counter);
    }

    [Theory]
    [InlineData("", OutputFormat.Counter)]
    [InlineData("12a", OutputFormat.Counter)]
    [InlineData("-1", OutputFormat.Counter)]
    [InlineData("+1", OutputFormat.Counter)]
    [InlineData("1 2", OutputFormat.Counter)]
    [InlineData("1\r", OutputFormat.Counter)]
    [InlineData("9223372036854775808", OutputFormat.Counter)]
    [InlineData("99999999999999999999", OutputFormat.Counter)]
    [InlineData("1", OutputFormat.CounterTimestamp)]
    [InlineData("1 ", OutputFormat.CounterTimestamp)]
    [InlineData(" 1 2", OutputFormat.CounterTimestamp)]
    [InlineData("1  2", OutputFormat.CounterTimestamp)]
    [InlineData("1 2 3", OutputFormat.CounterTimestamp)]
    [InlineData("unshare: sigprocmask unblock failed: Invalid argument", OutputFormat.CounterTimestamp)]
    public void Anything_but_exactly_the_format_is_malformed(string line, OutputFormat format) =>
        Assert.False(OutputLine.TryParse(Logs.Bytes(line), format, out _, out _));
}
