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
            ["Stop time per workload and link rate", "What wins where", "Stop time against the physical limit", "Stop time and transfer time per strategy",
             "Where the stop time goes", "Winner per workload and link rate", "Live migration: downtime against the whole migration", "Crossover: each mode against the dirty rate",
             "Memory sweep", "CRIU cross-check", "Environment"],
            headings);
    }

    [Fact]
    public void The_report_draws_the_bound_a_panel_per_workload_the_stop_time_shares_and_one_sweep_chart_per_link_rate()
    {
        var charts = Build(ComparisonRecords.Run()).Charts.Select(c => c.FileName);

        Assert.Equal(
            ["report_stop_vs_bound",
             "report_stop_time_counter_process", "report_stop_time_counter_runc", "report_stop_time_memory-64m_process", "report_stop_time_memory-256m_process", "report_stop_time_memory-256m-d50_process",
             "report_transfer_time_counter_process", "report_transfer_time_counter_runc", "report_transfer_time_memory-64m_process", "report_transfer_time_memory-256m_process", "report_transfer_time_memory-256m-d50_process",
             "report_stop_time_shares_100mbit", "report_stop_time_shares_100mbit_percent", "report_stop_time_shares_unlimited", "report_stop_time_shares_unlimited_percent",
             "report_crossover_256m_100mbit", "report_crossover_256m_unlimited",
             "report_memory_sweep_100mbit", "report_memory_sweep_unlimited"],
            charts);
    }

    [Fact]
    public void What_wins_where_is_a_grid_with_the_winner_and_its_margin()
    {
        MigrationRecord[] records =
        [
            .. new[] { 200.0, 210, 220, 230, 240 }.Select((s, i) => ComparisonRecords.Migration("counter", "tar", s, repetition: i + 1)),
            .. new[] { 100.0, 110, 120, 130, 140 }.Select((s, i) => ComparisonRecords.Migration("counter", "page-server", s, repetition: i + 1)),
        ];

        var md = Markdown(records);

        Assert.Contains("| workload | 100mbit |\n", md);
        // Hodges–Lehmann shift 100 ms; 5 and 5 migrations give the 3rd smallest and largest of the 25 differences.
        Assert.Matches(@"\| counter \| page-server, 100 ms \[[0-9]+, [0-9]+\] \(1\.83x\) faster than tar \|\n", md);
        Assert.Contains("1 of 1 cells have a winner whose margin over the runner-up is significant at 95%; page-server wins 1 of them.", md);
        // Bound of page-server: 10 MiB at 12.5e6 B/s = 838.86 ms + the fastest restore, 20 ms (page-server's first); efficiency 858.86 / 120.
        Assert.Contains("Closest to its physical bound is page-server on counter at 100mbit: 120.00 ms against a bound of 858.86 ms", md);
    }

    [Fact]
    public void A_difference_that_is_not_significant_is_a_tie()
    {
        MigrationRecord[] records =
        [
            .. new[] { 100.0, 130, 110, 140, 120 }.Select((s, i) => ComparisonRecords.Migration("counter", "tar", s, repetition: i + 1)),
            .. new[] { 105.0, 125, 115, 135, 119 }.Select((s, i) => ComparisonRecords.Migration("counter", "sshfs", s, repetition: i + 1)),
        ];

        var md = Markdown(records);

        Assert.Contains("| counter | tie: sshfs ~ tar |\n", md);
        Assert.Contains("0 of 1 cells have a winner whose margin over the runner-up is significant at 95%.", md);
    }

    [Fact]
    public void The_headline_has_the_median_its_interval_the_ratio_to_tar_and_the_counter_verdict()
    {
        MigrationRecord[] records =
        [
            .. new[] { 200.0, 210, 220, 230, 240, 250 }.Select((s, i) => ComparisonRecords.Migration("counter", "tar", s, repetition: i + 1) with { CounterGap = 0 }),
            .. new[] { 100.0, 110, 120, 130, 140, 150 }.Select((s, i) => ComparisonRecords.Migration("counter", "shared", s, repetition: i + 1) with { CounterGap = i == 0 ? 2 : 0 }),
        ];

        var md = Markdown(records);

        Assert.Contains("| strategy | stop time (ms), median [95% CI] | n | ratio to tar [95% CI] | counter |\n", md);
        // Six values: the interval is the smallest to the largest (96.9%), 50 ms wide, so no decimals.
        Assert.Contains("| tar | 225 [200, 250] | 6 | 1 (baseline) | gap 0 in 6/6 |\n", md);
        Assert.Matches(@"\| sshfs \| 125 \[100, 150\] \| 6 \| 0\.56 \[0\.[0-9]+, 0\.[0-9]+\] \| gap 0 in 5/6 \(largest 2\) \|\n", md);
        Assert.Contains("All at link rate 100mbit.", md);
    }

    [Fact]
    public void What_the_hosts_could_not_do_is_said_under_the_headline_with_how_to_get_it()
    {
        MigrationRecord[] records = [ComparisonRecords.Migration("counter", "tar", 100)];
        var document = ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create(),
            [new("counter", "process", "nfs", "cold", "100mbit", "the kernel of src has no NFS server (nfsd not in /proc/filesystems, no module): use the VM lab (--hosts vm) or real hosts")]);

        var md = new MarkdownReportExporter().Export(document, "/nonexistent");

        Assert.Contains("Not measured here: nfs (1 workload): the kernel of src has no NFS server", md);
        Assert.Contains("To measure them: criubench run --hosts vm", md);
        Assert.True(md.IndexOf("Not measured here", StringComparison.Ordinal) < md.IndexOf("## What wins where", StringComparison.Ordinal));
    }

    [Fact]
    public void An_efficiency_below_1_needs_no_explanation()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 5000)]);

        Assert.Contains("Closest to its physical bound is tar on counter at 100mbit: 5000.00 ms against a bound of 1838.86 ms (efficiency 0.368)", md);
    }

    [Fact]
    public void Winners_are_tabled_with_the_difference_its_interval_and_the_verdict()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Contains("| workload | link rate | winner | median (ms) | runner-up | median (ms) | Δ median (ms) | shift (ms) | 95% CI (ms) | verdict |\n", md);
        Assert.Matches(@"\| memory-64m \| unlimited \| page-server \(n=5\) \| [0-9.]+ \| tar \(n=5\) \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| \[[0-9.]+, [0-9.]+\] \| significant \|\n", md);
        Assert.Contains("Hodges–Lehmann", md);
    }

    [Fact]
    public void An_unlimited_link_has_no_bound()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 100, "unlimited")]);

        Assert.Contains("No link was shaped (or no migration knows its image size), so no migration has a physical bound to be measured against.", md);
    }

    [Fact]
    public void The_memory_sweep_tables_each_series_slope_against_the_link()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Matches(@"\| 100mbit \| tar \| 64, 256 \| [0-9.]+ \| 83\.89 \|\n", md);
        Assert.Contains("| 100mbit | tar d50 | 256 | n/a (one size) | 83.89 |\n", md);
        Assert.Contains("| unlimited | page-server | 64, 256 |", md);
        Assert.Contains("none (unlimited) |\n", md);
    }

    [Fact]
    public void Without_memory_workloads_the_sweep_says_so()
    {
        var md = Markdown([ComparisonRecords.Migration("counter", "tar", 100)]);

        Assert.Contains("No workload in this run has a mib parameter, so there is no sweep.", md);
        Assert.Contains("## Live migration\n\nEvery migration of this run is stop and copy (cold)", md);
    }

    [Fact]
    public void The_cross_check_flags_migrations_where_criu_exceeds_the_harness_and_explains_the_container_freezer()
    {
        var md = Markdown(ComparisonRecords.Run());

        Assert.Contains("Flagged: CRIU's sum exceeds the harness's stop time in 1 migration", md);
        Assert.Matches(@"- counter/process/tar at 100mbit, repetition 1, a->b: CRIU [0-9.]+ ms > harness [0-9.]+ ms\n", md);
        Assert.Contains("polls every 100 ms", md);
        Assert.Contains("Median freezing times within 20 ms of it: counter/runc/tar at 100mbit (100.40 ms).", md);
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
