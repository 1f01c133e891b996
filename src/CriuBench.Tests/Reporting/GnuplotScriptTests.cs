using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class GnuplotScriptTests
{
    [Fact]
    public void The_data_file_has_a_line_per_workload_with_median_min_max_per_strategy_and_nan_where_missing()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(workload: "counter", strategy: "tar") with { StopTimeMs = 10 },
            SampleRecords.Successful(workload: "counter", strategy: "tar") with { StopTimeMs = 30 },
            SampleRecords.Successful(workload: "counter", strategy: "page-server") with { StopTimeMs = 5.5 },
            SampleRecords.Successful(workload: "mem hog", strategy: "tar") with { StopTimeMs = 100 },
        ];
        var chart = BarChart.For(Metrics.StopTime, Summarizer.Summarize(records)).Single();

        Assert.Equal(
            "# stop_time (ms): per cluster, median min max of each of: tar, page-server\n" +
            "\"counter\" 20 10 30 5.5 5.5 5.5\n" +
            "\"mem hog\" 100 100 100 NaN NaN NaN\n",
            GnuplotScript.Data(chart));
    }

    [Fact]
    public void Image_sizes_are_charted_in_mebibytes()
    {
        var chart = BarChart.For(Metrics.ImageSize, Summarizer.Summarize([SampleRecords.Successful() with { ImageBytes = 2 * 1024 * 1024 }])).Single();

        Assert.Equal("image_size (MiB)", chart.YLabel);
        Assert.EndsWith("\"counter\" 2 2 2\n", GnuplotScript.Data(chart));
    }

    [Fact]
    public void The_script_plots_one_bar_series_per_strategy_with_error_bars_into_svg_and_png()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(strategy: "tar") with { StopTimeMs = 1 },
            SampleRecords.Successful(strategy: "page-server") with { StopTimeMs = 1 },
        ];
        var chart = BarChart.For(Metrics.StopTime, Summarizer.Summarize(records)).Single();

        var script = GnuplotScript.Script(chart, "pngcairo");

        Assert.Contains("set style histogram errorbars", script);
        Assert.Contains("plot 'stop_time.dat' using 2:3:4:xtic(1) title 'tar', \\\n     '' using 5:6:7 title 'page-server'\n", script);
        Assert.Contains("set output 'stop_time.svg'\n", script);
        Assert.Contains("set terminal pngcairo size 900,500", script);
        Assert.Contains("set output 'stop_time.png'\nreplot\n", script);
    }

    [Fact]
    public void Quotes_in_names_cannot_break_out_of_gnuplot_strings()
    {
        var chart = BarChart.For(Metrics.StopTime, Summarizer.Summarize([SampleRecords.Successful(strategy: "it's \"odd\"") with { StopTimeMs = 1 }])).Single();

        Assert.Contains("title 'it''s \"odd\"'", GnuplotScript.Script(chart, "png"));
    }

    [Fact]
    public void Several_engines_are_told_apart_in_the_legend()
    {
        MigrationRecord[] records =
        [
            SampleRecords.Successful(engine: "criu") with { StopTimeMs = 1 },
            SampleRecords.Successful(engine: "runc") with { StopTimeMs = 2 },
        ];

        Assert.Equal(["criu/tar", "runc/tar"], BarChart.For(Metrics.StopTime, Summarizer.Summarize(records)).Single().Series);
    }

    [Fact]
    public void Many_long_cluster_names_are_slanted_and_few_short_ones_are_not()
    {
        var records = Enumerable.Range(0, 12).Select(i => SampleRecords.Successful(workload: $"memory-{i}m-d50") with { StopTimeMs = 1 }).ToList();

        var crowded = BarChart.ByWorkloadAndLinkRate(Metrics.StopTime, Summarizer.Summarize(records), "crowded")!;
        var roomy = BarChart.For(Metrics.StopTime, Summarizer.Summarize([SampleRecords.Successful() with { StopTimeMs = 1 }])).Single();

        Assert.Equal("memory-0m-d50 @ 1gbit", crowded.Clusters[0]);
        Assert.Contains("set xtics nomirror rotate by 30 right\n", crowded.Script("png"));
        Assert.Contains("set xtics nomirror\n", roomy.Script("png"));
    }
}
