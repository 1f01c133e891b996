using CriuBench.Migration;
using CriuBench.Tests.Output;
using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Migration;

/// <summary>The verdict on a whole output: a check that read nothing, or could not read lines, fails.</summary>
[Trait("Category", "Unit")]
public class WholeOutputVerdictTests
{
    private static WholeOutputVerdict Verdict(string log, LineFormat format, OutputCheck? check = null, IReadOnlyList<OutputSeam>? seams = null) =>
        new(format, StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes(log)), format, check, seams ?? []));

    [Fact]
    public void A_continuous_fully_parsed_output_passes()
    {
        var verdict = Verdict(Logs.Counter(0, 9), OutputFormat.Counter);
        Assert.True(verdict.Passed);
        Assert.Equal("10 lines, continuous", verdict.Describe());
    }

    [Fact]
    public void Output_that_could_not_be_parsed_at_all_fails_and_quotes_a_line()
    {
        var verdict = Verdict("tick\ntock\n", OutputFormat.CounterTimestamp);
        Assert.False(verdict.Passed);
        Assert.False(verdict.IsContinuous);
        Assert.Equal("FAILED: none of its 2 lines is a counter-timestamp (ns) line; line 1 reads 'tick'", verdict.Describe());
    }

    [Fact]
    public void An_empty_output_fails()
    {
        var verdict = Verdict("", OutputFormat.Counter);
        Assert.False(verdict.Passed);
        Assert.Equal("FAILED: the output is empty, nothing to check", verdict.Describe());
    }

    [Fact]
    public void Some_unreadable_lines_fail_even_when_the_counter_is_continuous()
    {
        var verdict = Verdict("0\n1\noops\n2\n", OutputFormat.Counter);
        Assert.True(verdict.Gaps.IsContinuous);
        Assert.False(verdict.Passed);
        Assert.Equal("4 lines, continuous; FAILED: 1 line(s) are not counter lines, first line 3: 'oops'", verdict.Describe());
    }

    [Fact]
    public void The_workloads_own_check_is_reported_per_migration()
    {
        var format = new LineFormat(OutputFormat.Counter, ExtraFields: true);
        var verdict = Verdict("0 ok\n1 ok\n2 bad\n3 ok\n", format, new FieldEquals(2, "ok"), [new("w-tar-r001", 10)]);
        Assert.False(verdict.Passed);
        Assert.Equal("4 lines, continuous; own check (field 2 equals 'ok') FAILED on 1 of 4 lines: 1 after migration w-tar-r001 (first: line 3 '2 bad')", verdict.Describe());
    }

    [Fact]
    public void A_check_that_held_everywhere_says_so()
    {
        var verdict = Verdict("0 a a\n1 b b\n", new LineFormat(OutputFormat.Counter, ExtraFields: true), new FieldsEqual(2, 3));
        Assert.True(verdict.Passed);
        Assert.Equal("2 lines, continuous; own check (fields 2 and 3 are equal) held on all 2 lines", verdict.Describe());
    }
}
