using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Comparison.Sections;

namespace CriuBench.Tests.Reporting.Comparison;

[Trait("Category", "Unit")]
public sealed class ChartScriptTests
{
    private static ComparisonData Data(IReadOnlyList<MigrationRecord> records) =>
        new(records, Summarizer.Summarize(records), SampleEnvironment.Create());

    [Fact]
    public void The_scatter_has_a_series_per_strategy_and_link_rate_and_a_bound_line_per_shaped_rate()
    {
        MigrationRecord[] records =
        [
            ComparisonRecords.Migration("counter", "tar", 100, "100mbit", imageBytes: 1024 * 1024),
            ComparisonRecords.Migration("counter", "page-server", 90, "100mbit", imageBytes: 1024 * 1024),
            ComparisonRecords.Migration("counter", "tar", 50, "unlimited", imageBytes: 1024 * 1024),
        ];

        var chart = PhysicalLimitSection.Chart(Data(records))!;

        Assert.Equal([("tar @ 100mbit", 1, 7), ("page-server @ 100mbit", 2, 7), ("tar @ unlimited", 1, 5)],
            chart.Points.Select(s => (s.Label, s.Color, s.PointType)));
        var bound = Assert.Single(chart.Lines);
        // 1 MiB at 12.5e6 bytes/s; offset: the fastest restore at 100mbit (tar 20 ms, page-server 18 ms).
        Assert.Equal(("bound at 100mbit (+18.00 ms restore)", 1024 * 1024 / 12.5e6 * 1000, 18.0), (bound.Label, bound.Slope, bound.Offset));
        Assert.Contains("'' index 2 using 1:2 with points pt 5", chart.Script("pngcairo"));
        Assert.Contains("83.88608*x+18 with lines", chart.Script("pngcairo"));
        Assert.EndsWith("\n\n# tar @ unlimited\n1 50\n", chart.Data());
    }

    [Fact]
    public void Scatter_axes_turn_logarithmic_only_when_the_values_span_a_wide_range()
    {
        ScatterChart Chart(params (double X, double Y)[] points) =>
            new("c", "t", "x", "y", [new ScatterChart.Series("s", 1, 7, points)], []);

        var narrow = Chart((1, 100), (10, 900));
        var wide = Chart((0.1, 100), (1000, 90_000));

        Assert.False(narrow.LogX || narrow.LogY);
        Assert.DoesNotContain("logscale", narrow.Script("png"));
        Assert.True(wide.LogX && wide.LogY);
        Assert.Contains("set logscale x 10\nset logscale y 10\n", wide.Script("png"));
    }

    [Fact]
    public void The_sweep_chart_puts_stop_time_on_the_left_axis_and_image_size_on_the_right()
    {
        var chart = new SweepChart("sweep", "t", "N (MiB)",
            [new SweepChart.Series("tar", [(64, 600, 64.1), (256, 2100, null)]), new SweepChart.Series("tar d50", [(64, 700, 64.2)])]);

        var script = chart.Script("pngcairo");

        Assert.Contains("'sweep.dat' index 0 using 1:2 with linespoints pt 7 lw 2 lc 1 axes x1y1 title 'tar: stop time'", script);
        Assert.Contains("'' index 0 using 1:3 with linespoints pt 6 lw 1.5 dt 2 lc 1 axes x1y2 title 'tar: image size'", script);
        Assert.Contains("'' index 1 using 1:2 with linespoints pt 7 lw 2 lc 2 axes x1y1", script);
        Assert.Contains("set y2tics\n", script);
        Assert.Contains("set xtics nomirror (64, 256)\n", script);
        Assert.Contains("set logscale x 2\n", new SweepChart("s", "t", "N", [new SweepChart.Series("a", [(64, 1, 1), (1024, 2, 2)])]).Script("png"));
        Assert.Contains("\n\n# tar\n64 600 64.1\n256 2100 NaN\n", chart.Data());
    }
}
