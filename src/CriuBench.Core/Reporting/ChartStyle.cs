using System.Globalization;
using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// What every chart shares: one colour per strategy from the Okabe–Ito palette (colour-blind safe;
/// its pale yellow left out), a marker per engine, text sizes that stay readable at the size the
/// page shows the image, and the legend beside the data rather than on it.
/// </summary>
internal static class ChartStyle
{
    public const float TitleSize = 16;
    public const float LabelSize = 14;
    public const float TickSize = 12;
    public const float LegendSize = 13;

    /// <summary>Okabe &amp; Ito's palette without its yellow: eight colours told apart with any colour vision.</summary>
    public static readonly IReadOnlyList<Color> Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#CC79A7"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#999999"),
    ];

    private static readonly Dictionary<string, int> StrategyColour = new(StringComparer.Ordinal)
    {
        ["tar"] = 0, ["sshfs"] = 1, ["shared"] = 1, ["page-server"] = 2, ["tar-zstd"] = 3, ["nfs"] = 4, ["tar-ssh"] = 5, ["rsync"] = 6,
    };

    /// <summary>The strategy's colour, the same in every chart; strategies this list does not know share the grey.</summary>
    public static Color ForStrategy(string strategy) => Palette[StrategyColour.GetValueOrDefault(strategy, Palette.Count - 1)];

    public static MarkerShape ForEngine(string engine) => engine switch
    {
        "process" => MarkerShape.FilledCircle,
        "runc" => MarkerShape.FilledSquare,
        "docker" => MarkerShape.FilledTriangleUp,
        "podman" => MarkerShape.FilledDiamond,
        _ => MarkerShape.OpenCircle,
    };

    /// <summary>Title, axis labels and sizes; the legend (when the plot has one) goes beside the data on the right.</summary>
    public static void Apply(Plot plot, string title, string xLabel, string yLabel, bool legend = true)
    {
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Axes.Right.Label.FontSize = LabelSize;
        plot.Axes.Right.Label.Bold = false;
        plot.Axes.Right.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.ShadowFillStyle.IsVisible = false;
        if (legend) plot.ShowLegend(Edge.Right);
        else plot.HideLegend();
    }

    /// <summary>Whether values spanning this much (largest / smallest) are drawn on a log axis.</summary>
    public static bool SpansDecades(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0).ToList();
        return positive.Count > 1 && positive.Max() / positive.Min() > LogRange;
    }

    /// <summary>max / min above which an axis is drawn logarithmic.</summary>
    public const double LogRange = 20;

    /// <summary>
    /// Ticks for an axis that holds log10 of the values: 1, 2, 5 per decade over [min, max]
    /// (1 per decade when it spans many), labelled with the values themselves.
    /// </summary>
    public static ScottPlot.TickGenerators.NumericManual LogTicks(double min, double max)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var from = (int)Math.Floor(Math.Log10(min));
        var to = (int)Math.Ceiling(Math.Log10(max));
        double[] steps = to - from > 4 ? [1] : [1, 2, 5];
        for (var decade = from; decade <= to; decade++)
        foreach (var step in steps)
        {
            var value = step * Math.Pow(10, decade);
            var position = Math.Log10(value);
            if (value >= min / 1.01 && value <= max * 1.01) ticks.AddMajor(position, Number(value));
        }
        for (var decade = from; decade <= to; decade++)
        for (var step = 2; step <= 9; step++)
            ticks.AddMinor(Math.Log10(step * Math.Pow(10, decade)));
        return ticks;
    }

    /// <summary>A tick's text: up to 3 significant digits, invariant ("0.5", "20", "5000").</summary>
    public static string Number(double value) =>
        value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
