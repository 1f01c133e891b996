using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Tests.Reporting;

namespace CriuBench.Tests.Measurements;

[Trait("Category", "Unit")]
public sealed class PhysicalLimitTests
{
    private const int Precision = 9;

    [Fact]
    public void The_bound_is_the_image_bytes_over_the_link_rate_plus_the_measured_restore_time()
    {
        // 100mbit = 12.5e6 bytes/s; 25e6 bytes take 2 s = 2000 ms; + 40 ms restore.
        var row = SampleRecords.Successful(linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 4080 };

        Assert.Equal(2040, PhysicalLimit.StopTimeBoundMs(row)!.Value, Precision);
        Assert.Equal(0.5, PhysicalLimit.Efficiency(row)!.Value, Precision);
    }

    [Fact]
    public void A_gigabit_link_moves_a_mebibyte_in_about_eight_milliseconds()
    {
        var row = SampleRecords.Successful(linkRate: "1gbit") with { ImageBytes = 1024 * 1024, RestoreTimeMs = 0, StopTimeMs = 10 };

        Assert.Equal(8.388608, PhysicalLimit.StopTimeBoundMs(row)!.Value, Precision);
    }

    [Theory]
    [InlineData("unlimited")]
    [InlineData("none")]
    [InlineData("not a rate")]
    public void An_unlimited_or_unreadable_link_has_no_bound(string linkRate)
    {
        var row = SampleRecords.Successful(linkRate: linkRate) with { ImageBytes = 1_000_000, RestoreTimeMs = 10, StopTimeMs = 100 };

        Assert.Null(PhysicalLimit.StopTimeBoundMs(row));
        Assert.Null(PhysicalLimit.Efficiency(row));
    }

    [Fact]
    public void A_row_without_image_size_or_restore_time_has_no_bound_and_without_stop_time_no_efficiency()
    {
        var row = SampleRecords.Successful() with { ImageBytes = 1_000_000, RestoreTimeMs = 10, StopTimeMs = 100 };

        Assert.Null(PhysicalLimit.StopTimeBoundMs(row with { ImageBytes = null }));
        Assert.Null(PhysicalLimit.StopTimeBoundMs(row with { RestoreTimeMs = null }));
        Assert.NotNull(PhysicalLimit.StopTimeBoundMs(row with { StopTimeMs = null }));
        Assert.Null(PhysicalLimit.Efficiency(row with { StopTimeMs = null }));
        Assert.Null(PhysicalLimit.Efficiency(row with { StopTimeMs = 0 }));
    }

    [Fact]
    public void Bound_and_efficiency_are_summarised_as_derived_metrics_without_new_csv_columns()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 4080 },
            SampleRecords.Successful(linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 60, StopTimeMs = 2060 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTimeBound, Metrics.Efficiency]);

        // The floor is the strategy's median restore, 50 ms: bounds 2050 and 2050; efficiencies 2050/4080 and 2050/2060.
        Assert.Equal([("stop_time_bound", "ms", 2050.0), ("efficiency", "ratio", Math.Round((2050.0 / 4080 + 2050.0 / 2060) / 2, Precision))],
            rows.Select(r => (r.Metric, r.Unit, Math.Round(r.Median, Precision))));
        Assert.DoesNotContain("bound", MigrationRecordCsvWriter.HeaderLine);
        Assert.DoesNotContain("efficiency", MigrationRecordCsvWriter.HeaderLine);
    }

    [Fact]
    public void A_restore_that_reads_across_the_link_does_not_raise_the_bound_of_its_strategy()
    {
        // shared's restore pulls the 25 MB over the link (2000 ms); tar's restores from local disk (40 ms).
        MigrationRecord[] records =
        [
            SampleRecords.Successful(strategy: "tar", linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 2500 },
            SampleRecords.Successful(strategy: "shared", linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 2000, StopTimeMs = 2300 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTimeBound, Metrics.Efficiency]);

        Assert.All(rows.Where(r => r.Metric == "stop_time_bound"), r => Assert.Equal(2040, r.Median, Precision));
        Assert.All(rows.Where(r => r.Metric == "efficiency"), r => Assert.True(r.Median <= 1, $"{r.Strategy}: {r.Median}"));
    }

    [Fact]
    public void Efficiency_is_shown_with_three_decimals()
    {
        Assert.Equal("0.125", DisplayUnit.For(Metrics.Efficiency.Unit).Text(0.125));
    }

    [Fact]
    public void Summary_md_has_a_table_for_the_bound_and_the_efficiency()
    {
        MigrationRecord[] records = [SampleRecords.Successful(linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 4080 }];

        var md = SummaryMarkdown.Render(Summarizer.Summarize(records), records, SampleEnvironment.Create());

        Assert.Contains("## stop_time_bound (ms)", md);
        Assert.Contains("| counter | criu | tar | cold | 100mbit | 1 | 0 | 2040.00 | 2040.00 | 2040.00 | 2040.00 |\n", md);
        Assert.Contains("## efficiency (ratio)", md);
        Assert.Contains("| counter | criu | tar | cold | 100mbit | 1 | 0 | 0.500 | 0.500 | 0.500 | 0.500 |\n", md);
    }
}
