using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Writing;

namespace CriuBench.Tests.Reporting.Comparison;

/// <summary>Modes in summaries and the report: cold against post-copy, the post-copy columns, the crossover and the bound per mode.</summary>
[Trait("Category", "Unit")]
public sealed class LiveReportTests
{
    private const long MiB = 1024 * 1024;

    /// <summary>memory-256m at dirty rates 0 and 50 (and the counter), cold and post-copy, three repetitions each, at 1gbit.</summary>
    private static IReadOnlyList<MigrationRecord> Run()
    {
        var records = new List<MigrationRecord>();
        foreach (var (workload, dirty) in new[] { ("memory-256m", 0), ("memory-256m-d50", 50), ("counter", 0) })
        for (var repetition = 1; repetition <= 3; repetition++)
        {
            var memory = workload == "counter" ? MiB : 256 * MiB;
            var parameters = workload == "counter" ? "" : ComparisonRecords.Memory(256, dirty);
            var cold = ComparisonRecords.Migration(workload, "tar-ssh", 4000 + 10 * dirty + repetition, "1gbit", repetition, imageBytes: memory, parameters: parameters);
            records.Add(cold);
            records.Add(cold with
            {
                Mode = "postcopy",
                StopTimeMs = 400 + dirty + repetition,
                RestoreTimeMs = 100,
                ImageBytes = 200 * 1024,
                PageBytes = 0,
                LazyPages = memory / 4096,
                AllPagesTimeMs = 3500 + 20 * dirty,
                MigrationTimeMs = 3550 + 20 * dirty,
                PostRestoreStallMs = workload == "counter" ? null : 5 + 3 * dirty + repetition,
                CriuFrozenTimeMs = 3500,
            });
        }
        return records;
    }

    private static ReportDocument Build(IReadOnlyList<MigrationRecord> records) =>
        ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create());

    private static string Markdown(IReadOnlyList<MigrationRecord> records) => new MarkdownReportExporter().Export(Build(records), "/nonexistent");

    [Fact]
    public void The_mode_is_a_key_of_the_summary()
    {
        var summary = Summarizer.Summarize(Run());
        var stops = summary.Where(r => r is { Workload: "memory-256m", Metric: "stop_time" }).ToList();
        Assert.Equal(["cold", "postcopy"], stops.Select(r => r.Mode));
        Assert.Equal([4002.0, 402.0], stops.Select(r => r.Median));
    }

    [Fact]
    public void Post_copy_s_all_pages_time_and_stall_are_summarised_and_cold_rows_get_none()
    {
        var summary = Summarizer.Summarize(Run());
        Assert.Equal(3500, summary.Single(r => r is { Workload: "memory-256m", Mode: "postcopy", Metric: "all_pages_time" }).Median);
        Assert.Equal(157, summary.Single(r => r is { Workload: "memory-256m-d50", Mode: "postcopy", Metric: "post_restore_stall" }).Median);
        Assert.Equal(3550, summary.Single(r => r is { Workload: "memory-256m", Mode: "postcopy", Metric: "migration_time" }).Median);
        Assert.DoesNotContain(summary, r => r is { Mode: "cold", Metric: "all_pages_time" or "post_restore_stall" or "migration_time" or "lazy_pages" });
    }

    [Fact]
    public void The_report_shows_post_copy_s_stall_and_all_pages_time_beside_its_downtime()
    {
        var md = Markdown(Run());
        Assert.Contains("| workload | engine | strategy | mode | link rate | n | stop time (ms) | app downtime (ms) | all pages (ms) | whole migration (ms) | lazy pages (MiB) | stall, median (ms) | stall, largest (ms) |", md);
        Assert.Contains("| memory-256m-d50 | process | tar-ssh | postcopy | 1gbit | 3 | 452.00 | n/a | 4500.00 | 4550.00 | 256.00 | 157.00 | 158.00 |", md);
    }

    [Fact]
    public void Labels_name_the_mode_and_winners_compare_modes()
    {
        var data = Build(Run());
        var winners = data.Blocks.OfType<Table>().Single(t => t.Headers.Contains("winner"));
        Assert.Contains(winners.Rows, row => row[0] == "memory-256m" && row[2] == "tar-ssh postcopy (n=3)" && row[4] == "tar-ssh cold (n=3)");
    }

    [Fact]
    public void What_wins_where_says_how_much_shorter_the_downtime_is_and_what_the_last_page_costs()
    {
        var md = Markdown(Run());
        Assert.Contains("On memory-256m at 1gbit, tar-ssh postcopy stops the workload for 402.00 ms against 4002.00 ms for tar-ssh cold (9.955x shorter), " +
                        "but its last page arrives 3500.00 ms after the dump started and the workload stalls up to 8.00 ms meanwhile", md);
    }

    [Fact]
    public void The_bound_of_a_post_copy_row_counts_its_lazy_pages_and_the_report_says_by_how_much_it_is_beaten()
    {
        var records = Run();
        var postcopy = records.First(r => r is { Mode: "postcopy", Workload: "memory-256m" });
        var floors = PhysicalLimit.RestoreFloors(records);
        // The floor comes from cold restores (800.4 ms, the least median), not from the lazy restore's 100 ms.
        Assert.Equal(800.4, floors[("memory-256m", "process")], 3);
        var bound = PhysicalLimit.StopTimeBoundMs(postcopy, floors[("memory-256m", "process")])!.Value;
        Assert.Equal((200 * 1024 + 256 * MiB) / 125e6 * 1000 + 800.4, bound, 3);
        Assert.Contains("A live mode can beat the stop-and-copy bound, and here does: tar-ssh postcopy on memory-256m at 1gbit stops for 402.00 ms", Markdown(records));
    }

    [Fact]
    public void The_crossover_draws_each_mode_s_downtime_and_whole_migration_against_the_dirty_rate()
    {
        var chart = Assert.Single(Build(Run()).Charts.OfType<CrossoverChart>());
        Assert.Equal("report_crossover", chart.FileName);
        Assert.Equal(["tar-ssh cold", "tar-ssh postcopy"], chart.Lines.Select(l => l.Label));
        Assert.Equal(new (double, double, double?)[] { (0, 402, 3550), (50, 452, 4550) }, chart.Lines[1].Points);
        Assert.Equal(new (double, double, double?)[] { (0, 4002, 4002), (50, 4502, 4502) }, chart.Lines[0].Points);
        var script = chart.Script("pngcairo");
        Assert.Contains("set xtics nomirror (0, 50)", script);
        Assert.Contains("'report_crossover.dat' index 0 using 1:2 with linespoints", script);
        Assert.Contains("'' index 1 using 1:3 with linespoints pt 6 lw 1.5 dt 2 lc 2 title 'tar-ssh postcopy: whole migration'", script);
    }

    [Fact]
    public void Post_copy_is_left_out_of_the_CRIU_cross_check_where_its_frozen_source_outlasts_the_restore() =>
        Assert.DoesNotContain("CRIU's own frozen + restore time exceeds", Markdown(Run()));
}
