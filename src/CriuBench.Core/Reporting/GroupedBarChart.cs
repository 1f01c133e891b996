using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// Bars of one quantity in groups (link rates of one workload, say), a bar per series that has a
/// value there, centred in its group with no empty slots. Bar = median, whisker = the interval
/// given (a 95% confidence interval of the median). The y axis turns logarithmic when the values
/// span decades; hatched bars are those <see cref="Series.Hatched"/> marks (their legend says why).
/// </summary>
/// <param name="Values">[series][group]; null where the series has no value in that group.</param>
internal sealed record GroupedBarChart(
    string FileName,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<string> Groups,
    IReadOnlyList<GroupedBarChart.Series> Bars,
    int Width = 660,
    int Height = 380) : IChart
{
    public sealed record Value(double Median, double Low, double High);

    /// <param name="Strategy">Picks the colour (<see cref="ChartStyle.ForStrategy"/>).</param>
    public sealed record Series(string Label, string Strategy, bool Hatched, IReadOnlyList<Value?> Values);

    private IEnumerable<Value> All => Bars.SelectMany(s => s.Values).OfType<Value>();

    public bool LogY => ChartStyle.SpansDecades(All.SelectMany(v => new[] { v.Low, v.Median, v.High }));

    public Plot Draw()
    {
        var plot = new Plot();
        var log = LogY;
        var positives = All.SelectMany(v => new[] { v.Low, v.Median, v.High }).Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var floor = log ? Math.Floor(Math.Log10(positives.Min())) : 0;
        double Y(double v) => log ? Math.Log10(Math.Max(v, Math.Pow(10, floor))) : v;

        var width = 0.8;
        for (var s = 0; s < Bars.Count; s++)
        {
            var series = Bars[s];
            var colour = ChartStyle.ForStrategy(series.Strategy);
            var bars = new List<Bar>();
            var whiskers = new List<(double X, Value Value)>();
            for (var g = 0; g < Groups.Count; g++)
            {
                if (series.Values[g] is not { } value) continue;
                var present = Bars.Where(other => other.Values[g] is not null).ToList();
                var size = width / present.Count;
                var slot = present.IndexOf(series);
                bars.Add(new Bar
                {
                    Position = g - width / 2 + size * (slot + 0.5),
                    Value = Y(value.Median),
                    ValueBase = floor,
                    Size = size * 0.92,
                    FillColor = colour,
                    FillHatch = series.Hatched ? new ScottPlot.Hatches.Striped() : null,
                    FillHatchColor = Colors.White.WithAlpha(0.6),
                    LineWidth = 0.5f,
                    LineColor = Colors.Black,
                });
                whiskers.Add((bars[^1].Position, value));
            }
            if (bars.Count == 0) continue;
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series.Label;
            // Bars draw symmetric errors only: the interval of a median is not, so its whiskers are their own plottable.
            var xs = whiskers.Select(w => w.X).ToArray();
            var ys = whiskers.Select(w => Y(w.Value.Median)).ToArray();
            var errors = plot.Add.ErrorBar(xs, ys, whiskers.Select(w => Y(w.Value.High) - Y(w.Value.Median)).ToArray());
            errors.YErrorNegative = whiskers.Select(w => Y(w.Value.Median) - Y(w.Value.Low)).ToArray();
            errors.Color = Colors.Black;
            errors.LineWidth = 1.2f;
            errors.LegendText = "";
        }

        ChartStyle.Apply(plot, Title, XLabel, YLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, Groups.Count).Select(g => (double)g).ToArray(), [.. Groups]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.5, Math.Max(Groups.Count, 1) - 0.5);
        var top = positives.Max();
        if (log)
        {
            plot.Axes.Left.TickGenerator = ChartStyle.LogTicks(Math.Pow(10, floor), top * 1.5);
            plot.Axes.SetLimitsY(floor, Math.Log10(top) + 0.15);
        }
        else plot.Axes.SetLimitsY(0, top * 1.1);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }
}
