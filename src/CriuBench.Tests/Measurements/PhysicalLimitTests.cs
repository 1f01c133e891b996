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

        // The floor is the fastest restore, 40 ms: bounds 2040 and 2040; efficiencies 2040/4080 and 2040/2060.
        Assert.Equal([("stop_time_bound", "ms", 2040.0), ("efficiency", "ratio", Math.Round((2040.0 / 4080 + 2040.0 / 2060) / 2, Precision))],
            rows.Select(r => (r.Metric, r.Unit, Math.Round(r.Median, Precision))));
        Assert.DoesNotContain("bound", MigrationsCsv.HeaderLine);
        Assert.DoesNotContain("efficiency", MigrationsCsv.HeaderLine);
    }

    [Fact]
    public void A_restore_that_reads_across_the_link_does_not_raise_the_bound_of_its_strategy()
    {
        // sshfs's restore pulls the 25 MB over the link (2000 ms); tar's restores from local disk (40 ms).
        MigrationRecord[] records =
        [
            SampleRecords.Successful(strategy: "tar", linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 2500 },
            SampleRecords.Successful(strategy: "sshfs", linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 2000, StopTimeMs = 2300 },
        ];

        var rows = Summarizer.Summarize(records, [Metrics.StopTimeBound, Metrics.Efficiency]);

        // tar: 2000 ms on the link + the 40 ms floor; sshfs: crossing and restore overlap, so the larger, 2000 ms.
        Assert.Equal([("tar", 2040.0), ("sshfs", 2000.0)], rows.Where(r => r.Metric == "stop_time_bound").Select(r => (r.Strategy, Math.Round(r.Median, Precision))));
        Assert.All(rows.Where(r => r.Metric == "efficiency"), r => Assert.True(r.Median <= 1, $"{r.Strategy}: {r.Median}"));
    }

    [Theory]
    [InlineData("tar", ByteCrossing.BetweenDumpAndRestore, 2040)]
    [InlineData("tar-ssh", ByteCrossing.BetweenDumpAndRestore, 2040)]
    [InlineData("tar-zstd", ByteCrossing.BetweenDumpAndRestore, 2040)]
    [InlineData("rsync", ByteCrossing.BetweenDumpAndRestore, 2040)]
    [InlineData("page-server", ByteCrossing.InsideDump, 2040)]
    [InlineData("sshfs", ByteCrossing.InsideDumpAndRestore, 2000)]
    [InlineData("shared", ByteCrossing.InsideDumpAndRestore, 2000)]
    [InlineData("nfs", ByteCrossing.InsideDumpAndRestore, 2000)]
    [InlineData("from-a-newer-version", ByteCrossing.InsideDumpAndRestore, 2000)]
    public void The_bound_adds_the_restore_to_a_serial_copy_and_takes_the_larger_where_they_overlap(string strategy, ByteCrossing crossing, double boundMs)
    {
        // 25e6 bytes at 12.5e6 bytes/s: 2000 ms on the link; a 40 ms restore floor.
        var row = SampleRecords.Successful(strategy: strategy, linkRate: "100mbit") with { ImageBytes = 25_000_000, RestoreTimeMs = 40, StopTimeMs = 3000 };

        Assert.Equal(crossing, ByteCrossings.Of(strategy));
        Assert.Equal(boundMs, PhysicalLimit.StopTimeBoundMs(row)!.Value, Precision);
    }

    [Fact]
    public void Where_the_restore_outlasts_the_crossing_of_a_shared_filesystem_the_restore_is_the_bound()
    {
        Assert.Equal(300, PhysicalLimit.Combine(ByteCrossing.InsideDumpAndRestore, 80, 300));
        Assert.Equal(380, PhysicalLimit.Combine(ByteCrossing.BetweenDumpAndRestore, 80, 300));
        Assert.Equal(380, PhysicalLimit.Combine(ByteCrossing.InsideDump, 80, 300));
    }

    [Fact]
    public void No_stop_and_copy_row_is_faster_than_its_bound_when_its_link_and_restore_are_as_measured()
    {
        // Each row: 1000 ms on the link at exactly its rate and its own restore, after it or (sshfs) overlapping it; the floor is the fastest restore.
        MigrationRecord[] records =
        [
            .. new[] { ("tar", 55.0), ("tar", 41), ("page-server", 38), ("sshfs", 900) }.Select(x =>
                SampleRecords.Successful(strategy: x.Item1, linkRate: "100mbit") with
                {
                    ImageBytes = 12_500_000, RestoreTimeMs = x.Item2, StopTimeMs = (x.Item1 == "sshfs" ? Math.Max(1000, x.Item2) : 1000 + x.Item2) + 5,
                }),
        ];

        var efficiencies = Summarizer.Summarize(records, [Metrics.Efficiency]);

        Assert.All(efficiencies, r => Assert.True(r.Max <= 1, $"{r.Strategy}: {r.Max}"));
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
        Assert.Contains("| counter |  | criu | tar | cold | 100mbit | 1 | 0 | 2040.00 | 2040.00 | 2040.00 | 2040.00 |\n", md);
        Assert.Contains("## efficiency (ratio)", md);
        Assert.Contains("| counter |  | criu | tar | cold | 100mbit | 1 | 0 | 0.500 | 0.500 | 0.500 | 0.500 |\n", md);
    }
}
