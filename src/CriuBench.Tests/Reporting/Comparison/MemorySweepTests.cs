using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class MemorySweepTests
{
    [Theory]
    [InlineData("mib=64;dirty_mib_per_s=0;data=random", 64, 0, null, "")]
    [InlineData("mib=256;dirty_mib_per_s=50;data=random", 256, 50, null, "d50")]
    [InlineData("mib=64;dirty_mib_per_s=0;data=compressible", 64, 0, "compressible", "compressible")]
    [InlineData("mib=64;dirty_mib_per_s=50;data=compressible", 64, 50, "compressible", "d50 compressible")]
    [InlineData("clients=4;mib=512", 512, 0, null, "")]
    public void The_size_dirty_rate_and_data_are_read_from_the_parameters_column(string parameters, int mib, int dirty, string? data, string variant)
    {
        var memory = MemoryParameters.Of(parameters);

        Assert.Equal(new MemoryParameters(mib, dirty, data), memory);
        Assert.Equal(variant, memory!.Variant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("clients=4")]
    [InlineData("mib=0")]
    [InlineData("mib=1.5")]
    [InlineData("mib=-64")]
    [InlineData("mib=64;dirty_mib_per_s=0.5")]
    [InlineData("mib=99999999999")]
    public void Parameters_without_a_whole_memory_size_are_not_part_of_the_sweep(string parameters)
    {
        Assert.Null(MemoryParameters.Of(parameters));
    }

    [Fact]
    public void Each_strategy_and_dirty_rate_at_each_link_rate_is_a_series_ordered_by_size_with_its_slope()
    {
        MigrationRecord[] records =
        [
            ComparisonRecords.Migration("memory-256m", "tar", 2100, imageBytes: 256L << 20, parameters: ComparisonRecords.Memory(256)),
            ComparisonRecords.Migration("memory-64m", "tar", 600, imageBytes: 64L << 20, parameters: ComparisonRecords.Memory(64)),
            ComparisonRecords.Migration("memory-64m-d50", "tar", 700, parameters: ComparisonRecords.Memory(64, 50)),
            ComparisonRecords.Migration("memory-64m", "tar", 100, "unlimited", parameters: ComparisonRecords.Memory(64)),
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

    [Fact]
    public void A_workload_is_swept_by_its_parameters_not_by_its_name()
    {
        MigrationRecord[] records =
        [
            // Named like the allocator but from a file without the parameters column: not guessed.
            ComparisonRecords.Migration("memory-256m", "tar", 2100),
            // A user's name for the allocator: its parameters say what it holds.
            ComparisonRecords.Migration("big-heap", "tar", 900, parameters: ComparisonRecords.Memory(128)),
        ];
        var data = new ComparisonData(records, Summarizer.Summarize(records), SampleEnvironment.Create());

        var only = Assert.Single(MemorySweep.Of(data));

        Assert.Equal([(128, 900.0, 10.0 * 1024 * 1024)], only.Points);
    }
}
