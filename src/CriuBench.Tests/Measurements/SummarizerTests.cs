using CriuBench.Measurements;
using CriuBench.Tests.Reporting;

namespace CriuBench.Tests.Measurements;

[Trait("Category", "Unit")]
public sealed class SummarizerTests
{
    [Fact]
    public void Rows_are_grouped_by_workload_engine_strategy_and_link_rate()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(strategy: "tar") with { StopTimeMs = 10 },
            SampleRecords.Successful(strategy: "tar") with { StopTimeMs = 30 },
            SampleRecords.Successful(strategy: "page-server") with { StopTimeMs = 5 },
            SampleRecords.Successful(strategy: "tar", linkRate: "100mbit") with { StopTimeMs = 90 },
            SampleRecords.Successful(strategy: "tar", engine: "runc") with { StopTimeMs = 70 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTime]);

        Assert.Equal(
            [("criu", "tar", "1gbit", 20.0, 2), ("criu", "tar", "100mbit", 90.0, 1), ("criu", "page-server", "1gbit", 5.0, 1), ("runc", "tar", "1gbit", 70.0, 1)],
            rows.Select(r => (r.Engine, r.Strategy, r.LinkRate, r.Median, r.N)));
    }

    [Fact]
    public void Statistics_use_only_successful_rows_and_failures_are_counted_per_group()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful() with { StopTimeMs = 10 },
            SampleRecords.Failed("restore failed") with { StopTimeMs = 9999 },
            SampleRecords.Failed("transfer failed"),
            SampleRecords.Successful(strategy: "page-server") with { StopTimeMs = 5 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTime]);

        Assert.Equal([("tar", 1, 2, 10.0, 10.0), ("page-server", 1, 0, 5.0, 5.0)], rows.Select(r => (r.Strategy, r.N, r.Failures, r.Max, r.Median)));
    }

    [Fact]
    public void A_metric_without_values_in_a_group_gets_no_row_and_metrics_keep_the_list_order()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful() with { StopTimeMs = 10, ImageBytes = 4096, CounterGap = 0 },
            SampleRecords.Successful() with { StopTimeMs = 12, ImageBytes = 8192 },
        ];

        var rows = Summarizer.Summarize(records);

        Assert.Equal(["stop_time", "image_size", "counter_gap"], rows.Select(r => r.Metric));
        Assert.Equal(["ms", "bytes", "values"], rows.Select(r => r.Unit));
        Assert.Equal([2, 2, 1], rows.Select(r => r.N));
    }

    [Fact]
    public void Groups_are_ordered_by_first_appearance_of_workload_then_engine_strategy_and_link_rate()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(workload: "memhog", strategy: "tar") with { StopTimeMs = 1 },
            SampleRecords.Successful(workload: "counter", strategy: "page-server") with { StopTimeMs = 1 },
            SampleRecords.Successful(workload: "memhog", strategy: "page-server") with { StopTimeMs = 1 },
            SampleRecords.Successful(workload: "counter", strategy: "tar") with { StopTimeMs = 1 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTime]);

        Assert.Equal(
            [("memhog", "tar"), ("memhog", "page-server"), ("counter", "tar"), ("counter", "page-server")],
            rows.Select(r => (r.Workload, r.Strategy)));
    }

    [Fact]
    public void A_group_whose_migrations_all_failed_has_no_summary_row()
    {
        var rows = Summarizer.Summarize([SampleRecords.Failed("checkpoint failed")]);

        Assert.Empty(rows);
    }

    [Fact]
    public void Every_metric_has_a_unique_snake_case_name()
    {
        Assert.Equal(31, Metrics.All.Count);
        Assert.Equal(Metrics.All.Count, Metrics.All.Select(m => m.Name).Distinct().Count());
        Assert.All(Metrics.All, m => Assert.Matches("^[a-z]+(_[a-z]+)*$", m.Name));
        Assert.Same(Metrics.PageSize, Metrics.Named("page_size"));
    }
}
