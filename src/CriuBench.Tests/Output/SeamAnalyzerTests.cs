using CriuBench.Workloads.Output;

namespace CriuBench.Tests.Output;

[Trait("Category", "Unit")]
public class SeamAnalyzerTests
{
    private static SeamAnalysis Seam(string before, string after, OutputFormat format = OutputFormat.Counter) =>
        SeamAnalyzer.Analyze(Logs.Bytes(before + after), before.Length, format, windowStartsAtLine: true);

    private static SeamReport Report(SeamAnalysis analysis)
    {
        Assert.True(analysis.Succeeded, analysis.Message);
        return analysis.Report;
    }

    [Fact]
    public void A_counter_that_continues_by_one_has_no_gap()
    {
        var report = Report(Seam(Logs.Counter(0, 9), Logs.Counter(10, 14)));
        Assert.Equal(new SeamReport(9, 10, 0, null, 5), report);
    }

    [Fact]
    public void Values_lost_at_the_seam_make_a_positive_gap() =>
        Assert.Equal(3, Report(Seam(Logs.Counter(0, 9), Logs.Counter(13, 14))).CounterGap);

    [Fact]
    public void Values_repeated_after_the_seam_make_a_negative_gap() =>
        Assert.Equal(-2, Report(Seam(Logs.Counter(0, 9), Logs.Counter(8, 14))).CounterGap);

    [Fact]
    public void Downtime_is_the_largest_timestamp_gap_around_the_seam()
    {
        const long start = 1_000_000_000;
        string before = Logs.Ticks(0, 9, start);
        string after = Logs.Ticks(10, 12, start + 9_000_000 + 250_000_000); // 250 ms across the seam
        var report = Report(Seam(before, after, OutputFormat.CounterTimestamp));
        Assert.Equal(0, report.CounterGap);
        Assert.Equal(250.0, report.DowntimeMs!.Value, 6);
    }

    [Fact]
    public void A_stall_just_after_the_seam_counts_as_downtime_too()
    {
        string after = "10 1009000000\n11 1509000000\n"; // 1 ms to the first line, then 500 ms
        var report = Report(Seam(Logs.Ticks(0, 9, 1_000_000_000), after, OutputFormat.CounterTimestamp));
        Assert.Equal(500.0, report.DowntimeMs!.Value, 6);
    }

    [Fact]
    public void A_gap_before_the_seam_belongs_to_an_earlier_migration_not_to_this_one()
    {
        string earlier = "0 0\n"; // a 1 s gap a few lines before this seam: the previous migration's
        string before = earlier + Logs.Ticks(1, 5, 1_000_000_000);
        var report = Report(Seam(before, Logs.Ticks(6, 7, 1_005_000_000), OutputFormat.CounterTimestamp));
        Assert.Equal(1.0, report.DowntimeMs!.Value, 6);
    }

    [Fact]
    public void Counter_output_has_no_downtime() =>
        Assert.Null(Report(Seam(Logs.Counter(0, 3), Logs.Counter(4, 5))).DowntimeMs);

    [Fact]
    public void A_trailing_line_without_newline_is_not_counted()
    {
        var report = Report(Seam(Logs.Counter(0, 3), "4\n5\n6"));
        Assert.Equal(2, report.LinesAfter);
    }

    [Fact]
    public void Nothing_after_the_seam_yet_is_a_failure_to_retry()
    {
        var analysis = Seam(Logs.Counter(0, 3), "");
        Assert.False(analysis.Succeeded);
        Assert.Equal(SeamProblem.NoLineAfter, analysis.Problem);
        Assert.Contains("after the seam", analysis.Message);
    }

    [Fact]
    public void Only_half_a_line_after_the_seam_is_still_nothing_after() =>
        Assert.Equal(SeamProblem.NoLineAfter, Seam(Logs.Counter(0, 3), "4").Problem);

    [Fact]
    public void Nothing_before_the_seam_is_a_failure() =>
        Assert.Equal(SeamProblem.NoLineBefore, Seam("", Logs.Counter(0, 3)).Problem);

    [Fact]
    public void A_window_cut_mid_line_skips_the_cut_line()
    {
        // "17\n" cut to "7\n": read as 7 it would hide that 18 follows 17.
        var window = Logs.Bytes("7\n18\n");
        var cut = SeamAnalyzer.Analyze(window, 2, OutputFormat.Counter);
        Assert.Equal(SeamProblem.NoLineBefore, cut.Problem);
        var whole = Report(SeamAnalyzer.Analyze(Logs.Bytes("16\n17\n18\n").AsSpan(1), 5, OutputFormat.Counter));
        Assert.Equal((17, 18, 0), (whole.LastBefore, whole.FirstAfter, whole.CounterGap));
    }

    [Fact]
    public void A_seam_inside_a_line_is_reported_not_guessed()
    {
        var analysis = SeamAnalyzer.Analyze(Logs.Bytes("1\n22\n3\n"), 3, OutputFormat.Counter, windowStartsAtLine: true);
        Assert.Equal(SeamProblem.SeamNotAtLineBoundary, analysis.Problem);
    }

    [Fact]
    public void Malformed_lines_around_the_seam_are_skipped()
    {
        var report = Report(Seam("1\n2\nnoise\n", "unshare: oops\n3\n4\n"));
        Assert.Equal(new SeamReport(2, 3, 0, null, 2), report);
    }

    [Fact]
    public void A_seam_outside_the_window_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeamAnalyzer.Analyze(Logs.Bytes("1\n"), 3, OutputFormat.Counter));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeamAnalyzer.Analyze(Logs.Bytes("1\n"), -1, OutputFormat.Counter));
    }

    [Fact]
    public void A_real_ticker_migration_lost_nothing_and_stopped_for_the_two_seconds_between_dump_and_restore()
    {
        // 3000 bytes of out.log (cut mid-line at both ends) from TestData/output/README.md's capture, from 1510 bytes before the seam.
        byte[] window = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "output", "ticker-8mib-window.bin"));
        var report = Report(SeamAnalyzer.Analyze(window, 1510, OutputFormat.CounterTimestamp));
        Assert.Equal((3574, 3575, 0), (report.LastBefore, report.FirstAfter, report.CounterGap));
        Assert.InRange(report.DowntimeMs!.Value, 2000, 2200);
        Assert.Equal(59, report.LinesAfter);
    }
}
