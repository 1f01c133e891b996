using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class ComparisonReportTests
{
    private static ReportDocument Build(IReadOnlyList<MigrationRecord> records) =>
        ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create());

    private static string Markdown(IReadOnlyList<MigrationRecord> records) =>
        new MarkdownReportExporter().Export(Build(records), "/nonexistent");

    [Fact]
    public void The_report_has_its_sections_in_order()
    {
        var headings = Build(ComparisonRecords.Run()).Blocks.OfType<Heading>().Select(h => h.Text);

        Assert.Equal(
            ["Environment", "What wins where", "Stop time against the physical limit", "Stop time and transfer time per strategy",
             "Where the stop time goes", "Winner per workload and link rate", "Live migration: downtime against the whole migration", "Crossover: each mode against the dirty rate",
             "Memory sweep", "CRIU cross-check"],
            headings);
    }

    [Fact]
    public void The_report_draws_the_scatter_the_bars_the_stop_time_shares_and_one_sweep_chart_per_link_rate()
    {
        var charts = Build(ComparisonRecords.Run()).Charts.Select(c => c.FileName);

        Assert.Equal(
            ["report_stop_vs_image", "report_stop_time_by_rate", "report_transfer_time_by_rate",
             "report_stop_time_shares_100mbit", "report_stop_time_shares_100mbit_percent", "report_stop_time_shares_unlimited", "report_stop_time_shares_unlimited_percent",
             "report_crossover_256m_100mbit", "report_crossover_256m_unlimited",
             "report_memory_sweep_100mbit", "report_memory_sweep_unlimited"],
            charts);
    }

    [Fact]
    public void What_wins_where_is_written_from_the_numbers()
    {
        MigrationRecord[] records =
        [
            .. new[] { 200.0, 210, 220, 230, 240 }.Select((s, i) => ComparisonRecords.Migration("counter", "tar", s, repetition: i + 1)),
            .. new[] { 100.0, 110, 120, 130, 140 }.Select((s, i) => ComparisonRecords.Migration("counter", "page-server", s, repetition: i + 1)),
        ];

        var md = Markdown(records);

        Assert.Contains(
            "At 100mbit, page-server has the lowest median stop time for 1 of 1 workload " +
            "(counter: 120.00 ms against 220.00 ms for tar, 100.00 ms less, significant).", md);
        // Bound of page-server: 10 MiB at 12.5e6 B/s = 838.86 ms + its median restore 24 ms = 862.86 ms; efficiency 862.86 / 120.
        Assert.Contains("page-server on counter at 100mbit (median efficiency 7.191: 120.00 ms against a bound of 862.86 ms) comes closest", md);
        Assert.Contains("CRIU's own frozen + restore time stays below the harness's stop time in all 10 migrations", md);
        Assert.Contains("An efficiency above 1 does not beat physics", md);
    }

    [Fact]
    public void An_efficiency_below_1_needs_no_explanation()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 5000)]);

        Assert.Contains("the one shaped configuration is tar on counter at 100mbit (median efficiency 0.368", md);
        Assert.DoesNotContain("does not beat physics", md);
    }

    [Fact]
    public void Winners_are_tabled_with_the_difference_its_interval_and_the_verdict()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Contains("| workload | link rate | winner | median (ms) | runner-up | median (ms) | Δ median (ms) | shift (ms) | 95% CI (ms) | verdict |\n", md);
        Assert.Matches(@"\| memory-64m \| unlimited \| process/page-server \(n=5\) \| [0-9.]+ \| process/tar \(n=5\) \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| \[[0-9.]+, [0-9.]+\] \| significant \|\n", md);
        Assert.Contains("Hodges–Lehmann", md);
    }

    [Fact]
    public void An_unlimited_link_has_no_bound()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 100, "unlimited")]);

        Assert.Contains("| counter | process | tar | cold | unlimited | 1 | 10.00 | none (unlimited) | 100.00 | none (unlimited) |\n", md);
        Assert.Contains("No link was shaped, so no migration has a physical bound to be measured against.", md);
    }

    [Fact]
    public void The_memory_sweep_tables_each_series_slope_against_the_link()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Matches(@"\| 100mbit \| process/tar \| 64, 256 \| [0-9.]+ \| 83\.89 \|\n", md);
        Assert.Contains("| 100mbit | process/tar d50 | 256 | n/a (one size) | 83.89 |\n", md);
        Assert.Contains("| unlimited | process/page-server | 64, 256 |", md);
        Assert.Contains("none (unlimited) |\n", md);
    }

    [Fact]
    public void Without_memory_workloads_the_sweep_says_so()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 100)]);

        Assert.Contains("No workload in this run has a mib parameter, so there is no sweep.", md);
    }

    [Fact]
    public void The_cross_check_flags_migrations_where_criu_exceeds_the_harness_and_explains_the_container_freezer()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Contains("Flagged: CRIU's sum exceeds the harness's stop time in 1 migration", md);
        Assert.Matches(@"- counter/process/tar at 100mbit, repetition 1, a->b: CRIU [0-9.]+ ms > harness [0-9.]+ ms\n", md);
        Assert.Contains("polls every 100 ms", md);
        Assert.Contains("Median freezing times within 20 ms of it: counter/runc/tar at 100mbit (100.40 ms).", md);
        Assert.Contains("exceeds the harness's stop time in 1 of", md);
    }

    [Fact]
    public void Markdown_tables_survive_pipes_and_emphasis_characters_in_names()
    {
        var md = Markdown([ComparisonRecords.Migration("a|b *c* _d_", "tar", 100)]);

        Assert.Contains(@"| a\|b \*c\* \_d\_ | process | tar |", md);
        Assert.Contains("stop_time_bound", new MarkdownReportExporter().Export(new ReportDocument("t", [new Paragraph("stop_time_bound")]), ""));
    }

    [Fact]
    public void An_empty_run_still_gives_a_report()
    {
        var md = Markdown([]);

        Assert.StartsWith("# CriuBench comparison\n", md);
        Assert.Contains("No migration succeeded with a stop time", md);
    }
}
