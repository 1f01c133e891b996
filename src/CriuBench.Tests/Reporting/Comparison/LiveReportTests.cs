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
        // The floor comes from cold restores (800.2 ms, the fastest), not from the lazy restore's 100 ms.
        Assert.Equal(800.2, floors[("memory-256m", "process")], 3);
        var bound = PhysicalLimit.StopTimeBoundMs(postcopy, floors[("memory-256m", "process")])!.Value;
        Assert.Equal((200 * 1024 + 256 * MiB) / 125e6 * 1000 + 800.2, bound, 3);
        Assert.Contains("Below the stop-and-copy bound, because their memory crossed the link after the restore: tar-ssh postcopy on memory-256m at 1gbit stops for 402.00 ms", Markdown(records));
    }

    [Fact]
    public void The_crossover_draws_each_mode_s_downtime_and_whole_migration_against_the_dirty_rate()
    {
        var chart = Assert.Single(Build(Run()).Charts.OfType<PointChart>(), c => c.FileName.StartsWith("report_crossover", StringComparison.Ordinal));
        Assert.Equal("report_crossover", chart.FileName);
        Assert.Equal(["tar-ssh cold: downtime", "tar-ssh cold: whole migration", "tar-ssh postcopy: downtime", "tar-ssh postcopy: whole migration"], chart.Lines.Select(l => l.Label));
        Assert.Equal([(0.0, 402.0), (50, 452)], chart.Lines[2].Points);
        Assert.Equal([(0.0, 3550.0), (50, 4550)], chart.Lines[3].Points);
        Assert.Equal([(0.0, 4002.0), (50, 4502)], chart.Lines[0].Points);
        Assert.True(chart.Lines[3].Dashed);
        Assert.Contains("tar-ssh postcopy: whole migration", ChartRenderer.Render(chart).Svg);
    }

    [Fact]
    public void Post_copy_is_left_out_of_the_CRIU_cross_check_where_its_frozen_source_outlasts_the_restore() =>
        Assert.DoesNotContain("CRIU's own frozen + restore time exceeds", Markdown(Run()));
}
