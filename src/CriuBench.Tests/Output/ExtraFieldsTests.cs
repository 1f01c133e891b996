using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

/// <summary>Lines as user workloads print them: a fractional timestamp, then fields of their own.</summary>
[Trait("Category", "Unit")]
public class ExtraFieldsTests
{
    private static readonly LineFormat UserSeconds = new(OutputFormat.CounterTimestamp, TimestampUnit.Seconds, ExtraFields: true);

    [Fact]
    public void A_counter_a_fractional_timestamp_and_more_fields_parse_when_the_format_allows_extra_fields()
    {
        Assert.True(OutputLine.TryParse(Logs.Bytes("42 1763812345.123456 903 ok"), UserSeconds, out var counter, out var ns));
        Assert.Equal(42, counter);
        Assert.Equal(1763812345_123456000L, ns);
    }

    [Fact]
    public void The_strict_built_in_format_still_refuses_extra_fields()
    {
        Assert.False(OutputLine.TryParse(Logs.Bytes("42 1763812345123456789 ok"), OutputFormat.CounterTimestamp, out _, out _));
        Assert.False(OutputLine.TryParse(Logs.Bytes("42 ok"), OutputFormat.Counter, out _, out _));
        Assert.True(OutputLine.TryParse(Logs.Bytes("42 ok"), new LineFormat(OutputFormat.Counter, ExtraFields: true), out var counter, out _));
        Assert.Equal(42, counter);
    }

    [Fact]
    public void A_whole_output_of_long_user_lines_is_continuous_and_its_downtime_is_read_from_the_seconds()
    {
        var log = string.Concat(Enumerable.Range(0, 1000).Select(i =>
            $"{i} {1763812345 + i / 100}.{i % 100 * 10_000_000:D9} {i * 7} some-long-field-{new string('x', 60)} ok\n"));
        var summary = StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes(log)), UserSeconds, bufferSize: 7);
        Assert.Equal((1000, 0, 0), (summary.Lines, summary.Discontinuities, summary.MalformedLines));
        Assert.Equal(10, summary.MaxTimestampDeltaMs!.Value, precision: 6);
    }

    [Fact]
    public void A_seam_in_user_output_gives_the_gap_and_the_downtime_in_milliseconds()
    {
        var log = Logs.Bytes("7 1763812345.100 28 ok\n8 1763812345.150 36 ok\n9 1763812345.950 45 ok\n10 1763812346.000 55 ok\n");
        var seam = "7 1763812345.100 28 ok\n8 1763812345.150 36 ok\n".Length;
        var analysis = SeamAnalyzer.Analyze(log, seam, UserSeconds, windowStartsAtLine: true);
        Assert.True(analysis.Succeeded, analysis.Message);
        Assert.Equal((8, 9, 0), (analysis.Report.LastBefore, analysis.Report.FirstAfter, analysis.Report.CounterGap));
        Assert.Equal(800, analysis.Report.DowntimeMs!.Value, precision: 6);
    }
}
