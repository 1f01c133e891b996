using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

[Trait("Category", "Unit")]
public class StreamingGapAnalyzerTests
{
    private static GapSummary Read(string log, OutputFormat format = OutputFormat.Counter, int bufferSize = 64 * 1024, int maxRecorded = 100) =>
        StreamingGapAnalyzer.Analyze(new MemoryStream(Logs.Bytes(log)), format, bufferSize, maxRecorded);

    [Fact]
    public void A_continuous_log_has_no_discontinuities()
    {
        var summary = Read(Logs.Counter(0, 999));
        Assert.Equal(1000, summary.Lines);
        Assert.True(summary.IsContinuous);
        Assert.Empty(summary.First);
        Assert.Equal(0, summary.MalformedLines);
        Assert.Null(summary.MaxTimestampDeltaMs);
    }

    [Fact]
    public void Lost_and_repeated_values_are_recorded_where_they_happen()
    {
        var summary = Read(Logs.Counter(0, 4) + Logs.Counter(8, 9) + Logs.Counter(7, 9));
        Assert.Equal(2, summary.Discontinuities);
        Assert.Equal(new Discontinuity(6, 4, 8, null), summary.First[0]);
        Assert.Equal(3, summary.First[0].Gap);
        Assert.Equal(new Discontinuity(8, 9, 7, null), summary.First[1]);
        Assert.Equal(-3, summary.First[1].Gap);
    }

    [Fact]
    public void Timestamp_gaps_are_reported_in_milliseconds()
    {
        string log = Logs.Ticks(0, 9, 1_000_000_000) + "12 1259000000\n" + "13 1260000000\n";
        var summary = Read(log, OutputFormat.CounterTimestamp);
        Assert.Equal(250.0, summary.MaxTimestampDeltaMs!.Value, 6);
        Assert.Equal(new Discontinuity(11, 9, 12, 250.0), summary.First.Single());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(40)]
    [InlineData(41)]
    [InlineData(4096)]
    public void Lines_split_across_reads_give_the_same_summary_at_any_buffer_size(int bufferSize)
    {
        string log = Logs.Ticks(0, 99) + "junk that is much longer than any well-formed line could ever be\n"
            + Logs.Ticks(103, 150) + "x\n\n" + Logs.Ticks(140, 160) + "161 17";
        var expected = Read(log, OutputFormat.CounterTimestamp);
        var actual = Read(log, OutputFormat.CounterTimestamp, bufferSize);
        Assert.Equal((expected.Lines, expected.Discontinuities, expected.MalformedLines, expected.MaxTimestampDeltaMs),
            (actual.Lines, actual.Discontinuities, actual.MalformedLines, actual.MaxTimestampDeltaMs));
        Assert.Equal(expected.First, actual.First);
        Assert.Equal((172, 2, 3), (actual.Lines, actual.Discontinuities, actual.MalformedLines));
    }

    [Fact]
    public void Malformed_lines_are_counted_and_skipped_without_breaking_the_sequence()
    {
        var summary = Read("0\n1\nerror: x\n2\n-3\n\n3\n12345678901234567890123456789012345678901234567890\n4\n", bufferSize: 4);
        Assert.Equal(9, summary.Lines);
        Assert.Equal(4, summary.MalformedLines);
        Assert.True(summary.IsContinuous);
    }

    [Fact]
    public void A_last_line_without_newline_is_ignored()
    {
        var summary = Read("0\n1\n9");
        Assert.Equal(2, summary.Lines);
        Assert.True(summary.IsContinuous);
    }

    [Fact]
    public void Only_the_first_discontinuities_are_kept_but_all_are_counted()
    {
        string log = string.Concat(Enumerable.Range(0, 50).Select(i => $"{i * 2}\n")); // every other value lost
        var summary = Read(log, maxRecorded: 10);
        Assert.Equal(49, summary.Discontinuities);
        Assert.Equal(10, summary.First.Count);
        Assert.Equal(new Discontinuity(11, 18, 20, null), summary.First[^1]);
    }

    [Fact]
    public async Task Reading_asynchronously_gives_the_same_summary()
    {
        string log = Logs.Ticks(0, 20) + Logs.Ticks(25, 30, 1_800_000_000_000_000_000);
        var sync = Read(log, OutputFormat.CounterTimestamp, bufferSize: 7);
        var async = await StreamingGapAnalyzer.AnalyzeAsync(new MemoryStream(Logs.Bytes(log)), OutputFormat.CounterTimestamp, 7);
        Assert.Equal(sync with { First = [] }, async with { First = [] });
        Assert.Equal(sync.First, async.First);
    }

    [Fact]
    public void A_million_lines_are_read_without_allocating_per_line()
    {
        const long lines = 1_000_000;
        var log = new TickerLogStream(lines, lostAt: 500_000);
        StreamingGapAnalyzer.Analyze(new TickerLogStream(10, lostAt: -1), OutputFormat.CounterTimestamp); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var summary = StreamingGapAnalyzer.Analyze(log, OutputFormat.CounterTimestamp);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((lines, 1L), (summary.Lines, summary.Discontinuities));
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes allocated for {lines} lines");
    }
}
