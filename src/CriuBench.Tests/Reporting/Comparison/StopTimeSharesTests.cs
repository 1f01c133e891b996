using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Comparison.Sections;

namespace CriuBench.Tests.Reporting.Comparison;

public sealed class StopTimeSharesTests
{
    private static ComparisonData Data(IReadOnlyList<MigrationRecord> records) =>
        new(records, Summarizer.Summarize(records), SampleEnvironment.Create());

    private static MigrationRecord Row(double stop, double transfer, double freezing, double frozen, double restore, int repetition) =>
        ComparisonRecords.Migration("counter", "tar", stop, "1gbit", repetition) with
        {
            TransferTimeMs = transfer, CriuFreezingTimeMs = freezing, CriuFrozenTimeMs = frozen, CriuRestoreTimeMs = restore,
        };

    [Fact]
    public void The_harness_share_is_the_median_stop_time_minus_criu_and_the_link()
    {
        var shares = Assert.Single(StopTimeShares.Of(Data(
        [
            Row(200, 120, 1, 20, 9, 1),
            Row(210, 125, 1, 22, 10, 2),
            Row(400, 300, 3, 30, 12, 3),
        ])));

        Assert.Equal((3, 210.0, 1.0, 32.0, 125.0), (shares.Migrations, shares.StopMs, shares.CriuFreezingMs, shares.CriuMs, shares.LinkMs));
        Assert.Equal(210 - 1 - 32 - 125, shares.HarnessMs, 6);
    }

    [Fact]
    public void Migrations_without_criu_statistics_are_left_out_rather_than_counted_as_harness()
    {
        var rows = new[] { Row(200, 120, 1, 20, 9, 1) with { CriuRestoreTimeMs = null } };

        Assert.Empty(StopTimeShares.Of(Data(rows)));
    }

    [Fact]
    public void The_waterfall_is_a_rowstacked_chart_per_link_rate_built_from_the_csv_columns()
    {
        var records = new[] { Row(200, 120, 1, 20, 9, 1), ComparisonRecords.Migration("counter", "tar", 900, "100mbit") };

        var figures = new StopTimeShareSection().Build(Data(records)).OfType<Figure>().ToList();

        Assert.Equal(["report_stop_time_shares_100mbit", "report_stop_time_shares_100mbit_percent", "report_stop_time_shares_1gbit", "report_stop_time_shares_1gbit_percent"],
            figures.Select(f => f.Chart.FileName).Order(StringComparer.Ordinal));
        var chart = figures.Single(f => f.Chart.FileName == "report_stop_time_shares_1gbit").Chart;
        var percent = figures.Single(f => f.Chart.FileName == "report_stop_time_shares_1gbit_percent").Chart;
        Assert.EndsWith("\"counter tar\" 0.5 14.5 60 25\n", percent.Data());
        Assert.Contains("set style histogram rowstacked", chart.Script("pngcairo"));
        Assert.Equal("# median stop time (ms) per configuration, split into: CRIU freezing, CRIU frozen + restore, transfer (link), harness (rest)\n" +
                     "\"counter tar\" 1 29 120 50\n", chart.Data());
    }
}
