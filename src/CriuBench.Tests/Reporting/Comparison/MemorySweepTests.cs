using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class MemorySweepTests
{
    [Theory]
    [InlineData("memory-64m", 64, null, null, "")]
    [InlineData("memory-256m-d50", 256, 50, null, "d50")]
    [InlineData("memory-1024m-d0", 1024, 0, null, "d0")]
    [InlineData("memory-64m-zero", 64, null, "zero", "zero")]
    [InlineData("memory-64m-d50-zero", 64, 50, "zero", "d50 zero")]
    public void The_size_dirty_rate_and_data_are_read_from_the_workload_name(string workload, int mib, int? dirty, string? data, string variant)
    {
        var name = MemoryWorkloadName.TryParse(workload);

        Assert.Equal(new MemoryWorkloadName(mib, dirty, data), name);
        Assert.Equal(variant, name!.Variant);
    }

    [Theory]
    [InlineData("counter")]
    [InlineData("memory")]
    [InlineData("memory-m")]
    [InlineData("memory-64")]
    [InlineData("memory-0m")]
    [InlineData("memory-64m-x1")]
    [InlineData("memory-64m-zero-d50")]
    [InlineData("memory-64M")]
    [InlineData("memory-64m-d")]
    [InlineData("memory-99999999999m")]
    public void Other_names_are_not_part_of_the_sweep(string workload)
    {
        Assert.Null(MemoryWorkloadName.TryParse(workload));
    }

    [Fact]
    public void Each_strategy_and_dirty_rate_at_each_link_rate_is_a_series_ordered_by_size_with_its_slope()
    {
        MigrationRecord[] records =
        [
            ComparisonRecords.Migration("memory-256m", "tar", 2100, imageBytes: 256L << 20),
            ComparisonRecords.Migration("memory-64m", "tar", 600, imageBytes: 64L << 20),
            ComparisonRecords.Migration("memory-64m-d50", "tar", 700),
            ComparisonRecords.Migration("memory-64m", "tar", 100, "unlimited"),
            ComparisonRecords.Migration("counter", "tar", 10),
        ];
        var data = new ComparisonData(records, Summarizer.Summarize(records), SampleEnvironment.Create());

        var series = MemorySweep.Of(data);

        Assert.Equal([("100mbit", "tar"), ("100mbit", "tar d50"), ("unlimited", "tar")], series.Select(s => (s.LinkRate, s.Label)));
        Assert.Equal([(64, 600.0, 64.0 * 1024 * 1024), (256, 2100.0, 256.0 * 1024 * 1024)], series[0].Points);
        // (2100 - 600) ms over (256 - 64) MiB.
        Assert.Equal(1500.0 / 192, series[0].SlopeMsPerMiB!.Value, 9);
        Assert.Null(series[1].SlopeMsPerMiB);
        Assert.Equal(1024 * 1024 / 12.5e6 * 1000, MemorySweep.LinkMsPerMiB("100mbit")!.Value, 9);
        Assert.Null(MemorySweep.LinkMsPerMiB("unlimited"));
    }
}
