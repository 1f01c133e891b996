using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

/// <summary>The format is judged on the first lines a workload prints, with the line that does not fit.</summary>
[Trait("Category", "Unit")]
public class FirstLinesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1763812345);

    [Fact]
    public void Lines_that_fit_raise_no_problem() =>
        Assert.Null(FirstLines.Problem(Logs.Bytes("0 1763812345.1 0 ok\n1 1763812345.2 1 ok\n"), "w",
            new LineFormat(OutputFormat.CounterTimestamp, TimestampUnit.Auto, true), new FieldEquals(4, "ok"), Now));

    [Fact]
    public void A_line_of_another_format_is_quoted_with_what_was_expected()
    {
        var problem = FirstLines.Problem(Logs.Bytes("tick 0 at 12:00\n"), "py", OutputFormat.CounterTimestamp, null, Now);
        Assert.Equal("workload py: its output line 1 'tick 0 at 12:00' is not a counter-timestamp (ns) line: expected '<counter> <timestamp in ns>', nothing more; fix the program or the suite's 'output:'/'timestamp:' keys", problem);
    }

    [Fact]
    public void An_auto_timestamp_far_from_now_asks_for_its_unit()
    {
        // Monotonic seconds since boot, not Unix time: the magnitude says nothing about the unit.
        var problem = FirstLines.Problem(Logs.Bytes("0 12345.678\n"), "mono", new LineFormat(OutputFormat.CounterTimestamp, TimestampUnit.Auto, true), null, Now);
        Assert.Contains("give its unit with 'timestamp: s|ms|us|ns'", problem);
    }

    [Fact]
    public void A_check_on_a_field_the_lines_do_not_have_is_reported()
    {
        var problem = FirstLines.Problem(Logs.Bytes("0 1763812345.1 0\n"), "w", new LineFormat(OutputFormat.CounterTimestamp, TimestampUnit.Seconds, true), new FieldEquals(4, "ok"), Now);
        Assert.Contains("its check reads field 4, but line 1 '0 1763812345.1 0' has fewer fields", problem);
    }

    [Fact]
    public void No_complete_line_yet_is_a_problem_to_wait_on() =>
        Assert.Contains("has not printed a complete line yet", FirstLines.Problem(Logs.Bytes("0 17"), "w", OutputFormat.CounterTimestamp, null, Now));
}
