using System.Globalization;
using System.Text.RegularExpressions;
using CriuBench.Measurements;
using CriuBench.Reporting;
using CriuBench.Reporting.Writing;
using CriuBench.Tests.Reporting.Comparison;

namespace CriuBench.Tests.Reporting;

/// <summary>The charts as ScottPlot draws them, in this process: the same bytes every time, text that can be read, colours that can be told apart.</summary>
[Trait("Category", "Unit")]
public sealed partial class ChartTests
{
    private static IReadOnlyList<IChart> ReportCharts()
    {
        var records = ComparisonRecords.Run();
        return ComparisonReport.Build(records, Summarizer.Summarize(records), SampleEnvironment.Create()).Charts;
    }

    [Fact]
    public void A_chart_drawn_twice_in_one_process_gives_the_same_svg_and_png()
    {
        var chart = ReportCharts()[0];

        var (png1, svg1) = ChartRenderer.Render(chart);
        var (png2, svg2) = ChartRenderer.Render(chart);

        Assert.Equal(svg1, svg2);
        Assert.Equal(png1, png2);
        Assert.Contains("cl_1", svg1);
    }

    [Fact]
    public void Clip_ids_are_numbered_from_one_in_order_of_appearance_whatever_the_counter_said()
    {
        const string svg = "<clipPath id=\"cl_a\"/><g clip-path=\"url(#cl_a)\"/><clipPath id=\"cl_17\"/><g clip-path=\"url(#cl_17)\"/>";

        Assert.Equal("<clipPath id=\"cl_1\"/><g clip-path=\"url(#cl_1)\"/><clipPath id=\"cl_2\"/><g clip-path=\"url(#cl_2)\"/>", ChartRenderer.NormaliseClipIds(svg));
    }

    [Fact]
    public void Every_text_of_every_report_chart_is_at_least_11_px_and_in_dejavu_sans()
    {
        foreach (var chart in ReportCharts())
        {
            var svg = ChartRenderer.Render(chart).Svg;
            var sizes = FontSize().Matches(svg).Select(m => double.Parse(m.Groups["px"].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(sizes);
            Assert.All(sizes, px => Assert.True(px >= 11, $"{chart.FileName}: text of {px} px"));
            Assert.DoesNotContain("font-family=\"DejaVu Serif\"", svg);
            Assert.Contains("font-family=\"DejaVu Sans\"", svg);
        }
    }

    [Fact]
    public void Bars_that_span_decades_are_drawn_on_a_log_axis_and_others_on_a_linear_one()
    {
        GroupedBarChart Chart(double a, double b) => new("c", "t", "x", "y", ["1gbit"],
            [new("tar", "tar", false, [new GroupedBarChart.Value(a, a * 0.9, a * 1.1)]), new("sshfs", "sshfs", false, [new GroupedBarChart.Value(b, b * 0.9, b * 1.1)])]);

        Assert.False(Chart(50, 190).LogY);
        Assert.True(Chart(50, 7000).LogY);
        Assert.Matches(@">\s*1000\s*<", ChartRenderer.Render(Chart(50, 7000)).Svg);
    }

    [Fact]
    public void Each_known_strategy_has_its_own_colour_and_no_pale_yellow()
    {
        var colours = TransferStrategyNames.Select(ChartStyle.ForStrategy).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.True(ChartStyle.Palette.Count <= 8);
        Assert.DoesNotContain(ChartStyle.Palette, c => c.ToHex().Equals("#F0E442", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ChartStyle.ForStrategy("sshfs"), ChartStyle.ForStrategy("shared"));
    }

    private static readonly string[] TransferStrategyNames = ["tar", "sshfs", "nfs", "tar-ssh", "tar-zstd", "rsync", "page-server"];

    [GeneratedRegex(@"font-size=""(?<px>[0-9.]+)""")]
    private static partial Regex FontSize();
}
