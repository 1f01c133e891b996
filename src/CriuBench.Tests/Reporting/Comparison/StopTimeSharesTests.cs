using CriuBench.Reporting;
using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Comparison.Sections;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class StopTimeSharesTests
{
    private static ComparisonData Data(IReadOnlyList<MigrationRecord> records) =>
        new(records, Summarizer.Summarize(records), SampleEnvironment.Create());

    private static MigrationRecord Row(double stop, double checkpoint, double transfer, double restore, double freezing, double frozen, double restored,
        int repetition, string mode = "cold") =>
        ComparisonRecords.Migration("counter", "tar", stop, "1gbit", repetition) with
        {
            Mode = mode, CheckpointTimeMs = checkpoint, TransferTimeMs = transfer, RestoreTimeMs = restore,
            CriuFreezingTimeMs = freezing, CriuFrozenTimeMs = frozen, CriuRestoreTimeMs = restored,
        };

    [Fact]
    public void Each_migration_is_split_into_criu_its_tools_the_link_and_the_harness_between_phases_and_each_part_is_its_median()
    {
        var shares = Assert.Single(StopTimeShares.Of(Data(
        [
            Row(200, 50, 120, 28, 1, 20, 9, 1),     // tools 50 - 1 - 20 + 28 - 9 = 48, harness 200 - 198 = 2
            Row(210, 52, 125, 30, 1, 22, 10, 2),    // tools 49, harness 3
            Row(400, 60, 300, 36, 3, 30, 12, 3),    // tools 51, harness 4
        ])));

        Assert.Equal((3, 210.0, 1.0, 32.0, 49.0, 125.0, 3.0),
            (shares.Migrations, shares.StopMs, shares.CriuFreezingMs, shares.CriuMs, shares.ToolsMs, shares.LinkMs, shares.HarnessMs));
    }

    [Fact]
    public void A_timed_phase_counts_for_at_most_its_commands_time_as_a_post_copy_dump_stays_frozen_after_it_returned()
    {
        var shares = Assert.Single(StopTimeShares.Of(Data([Row(100, 40, 15, 40, 2, 1_114_000, 9, 1, mode: "postcopy")])));

        Assert.Equal((2.0, 38.0 + 9.0, 31.0, 15.0, 5.0), (shares.CriuFreezingMs, shares.CriuMs, shares.ToolsMs, shares.LinkMs, shares.HarnessMs));
    }

    [Fact]
    public void Where_the_engine_reports_its_own_and_the_runtimes_times_they_are_split_off_the_tools()
    {
        // checkpoint 600 = podman 500 (runc 400 (freezing 100 + frozen 150)); restore 400 = podman 350 (runc 250 (restore 60))
        var row = Row(1100, 600, 100, 400, 100, 150, 60, 1) with
        {
            EngineCheckpointTimeMs = 500, RuntimeCheckpointTimeMs = 400, EngineRestoreTimeMs = 350, RuntimeRestoreTimeMs = 250,
        };

        var shares = Assert.Single(StopTimeShares.Of(Data([row])));

        Assert.Equal((100.0, 210.0, 400.0 + 250 - 100 - 210, 100.0 + 100, 150.0, 100.0, 0.0),
            (shares.CriuFreezingMs, shares.CriuMs, shares.RuntimeMs, shares.EngineMs, shares.ToolsMs, shares.LinkMs, shares.HarnessMs));
        Assert.Equal(row.StopTimeMs, shares.CriuFreezingMs + shares.CriuMs + shares.RuntimeMs + shares.EngineMs + shares.ToolsMs + shares.LinkMs + shares.HarnessMs);
    }

    [Fact]
    public void Migrations_without_criu_statistics_are_left_out_rather_than_counted_as_harness()
    {
        var rows = new[] { Row(200, 50, 120, 28, 1, 20, 9, 1) with { CriuRestoreTimeMs = null } };

        Assert.Empty(StopTimeShares.Of(Data(rows)));
    }

    [Fact]
    public void The_waterfall_is_a_rowstacked_chart_per_link_rate_built_from_the_csv_columns()
    {
        var records = new[] { Row(200, 50, 120, 28, 1, 20, 9, 1), ComparisonRecords.Migration("counter", "tar", 900, "100mbit") };

        var figures = new StopTimeShareSection().Build(Data(records)).OfType<Figure>().ToList();

        Assert.Equal(["report_stop_time_shares_100mbit", "report_stop_time_shares_100mbit_percent", "report_stop_time_shares_1gbit", "report_stop_time_shares_1gbit_percent"],
            figures.Select(f => f.Chart.FileName).Order(StringComparer.Ordinal));
        var chart = (StackedBarChart)figures.Single(f => f.Chart.FileName == "report_stop_time_shares_1gbit").Chart;
        var percent = (StackedBarChart)figures.Single(f => f.Chart.FileName == "report_stop_time_shares_1gbit_percent").Chart;
        Assert.Equal(StopTimeShareSection.Parts, chart.Parts);
        Assert.Equal([("counter tar", (IReadOnlyList<double>)[1.0, 29, 48, 120, 2])], chart.Rows.Select(r => (r.Label, r.Values)).ToList(), new RowComparer());
        Assert.Equal([0.5, 14.5, 24, 60, 1], percent.Drawn.Single());
        Assert.True(ChartRenderer.Render(percent).Svg.Contains("counter tar", StringComparison.Ordinal));
    }

    private sealed class RowComparer : IEqualityComparer<(string, IReadOnlyList<double>)>
    {
        public bool Equals((string, IReadOnlyList<double>) x, (string, IReadOnlyList<double>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string, IReadOnlyList<double>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
