using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// Points of y against x, one series per colour (its strategy's) and marker (its engine's), joined
/// by lines or not, with an optional whisker per point and an optional second quantity on the right
/// axis. Each axis turns logarithmic when its values span decades (<see cref="ChartStyle.LogRange"/>).
/// </summary>
internal sealed record PointChart(
    string FileName,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<PointChart.Series> Lines,
    string? RightLabel = null,
    IReadOnlyList<PointChart.Key>? Legend = null,
    int Width = 900,
    int Height = 460,
    bool LinearX = false) : IChart
{
    /// <param name="Strategy">Picks the colour; null for a reference line (dark grey).</param>
    /// <param name="Intervals">Per point, a whisker from Low to High on y; null for none.</param>
    /// <param name="OnRight">Drawn against the right axis (<see cref="RightLabel"/>), which stays linear.</param>
    /// <param name="Colour">Instead of the strategy's colour: where one chart's series differ by something else (the mode).</param>
    public sealed record Series(
        string Label,
        string? Strategy,
        MarkerShape Marker,
        bool Joined,
        IReadOnlyList<(double X, double Y)> Points,
        IReadOnlyList<(double Low, double High)>? Intervals = null,
        bool Dashed = false,
        bool OnRight = false,
        Color? Colour = null);

    /// <summary>A legend entry drawn instead of one per series: a colour (a strategy's), or a marker shape (an engine's) in grey, or a line.</summary>
    public sealed record Key(string Label, string? Strategy, MarkerShape Marker, bool Line = false);

    /// <summary>Logarithmic x where its values span decades, unless <see cref="LinearX"/> (time, with values below zero).</summary>
    public bool LogX => !LinearX && ChartStyle.SpansDecades(Lines.SelectMany(s => s.Points).Select(p => p.X));

    public bool LogY => ChartStyle.SpansDecades(Lines.Where(s => !s.OnRight).SelectMany(s => s.Points).Select(p => p.Y));

    public Plot Draw()
    {
        var plot = new Plot();
        var (logX, logY) = (LogX, LogY);
        double X(double v) => logX ? Math.Log10(Math.Max(v, 1e-9)) : v;
        double Y(double v, bool right) => logY && !right ? Math.Log10(Math.Max(v, 1e-9)) : v;

        foreach (var series in Lines)
        {
            var colour = series.Colour ?? (series.Strategy is { } strategy ? ChartStyle.ForStrategy(strategy) : Color.FromHex("#444444"));
            var xs = series.Points.Select(p => X(p.X)).ToArray();
            var ys = series.Points.Select(p => Y(p.Y, series.OnRight)).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, colour);
            scatter.LegendText = series.Label;
            scatter.MarkerShape = series.Marker;
            scatter.MarkerSize = series.Marker == MarkerShape.None ? 0 : 9;
            scatter.LineWidth = series.Joined ? 2 : 0;
            scatter.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            if (series.OnRight) scatter.Axes.YAxis = plot.Axes.Right;
            if (series.Intervals is { } intervals)
            {
                var low = intervals.Select((iv, i) => ys[i] - Y(iv.Low, series.OnRight)).ToArray();
                var high = intervals.Select((iv, i) => Y(iv.High, series.OnRight) - ys[i]).ToArray();
                var whiskers = plot.Add.ErrorBar(xs, ys, high);
                whiskers.YErrorNegative = low;
                whiskers.YErrorPositive = high;
                whiskers.Color = colour;
                whiskers.LegendText = "";
                if (series.OnRight) whiskers.Axes.YAxis = plot.Axes.Right;
            }
        }

        ChartStyle.Apply(plot, Title, XLabel, YLabel);
        if (Legend is { } keys)
        {
            plot.Legend.DisplayPlottableLegendItems = false;
            foreach (var key in keys)
            {
                var colour = key.Strategy is { } s ? ChartStyle.ForStrategy(s) : Color.FromHex("#444444");
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = key.Label,
                    MarkerShape = key.Marker,
                    MarkerSize = key.Marker == MarkerShape.None ? 0 : 9,
                    MarkerFillColor = colour,
                    MarkerLineColor = colour,
                    LineColor = colour,
                    LineWidth = key.Line ? 2 : 0,
                    LinePattern = LinePattern.Dashed,
                });
            }
        }
        if (RightLabel is { } right) plot.Axes.Right.Label.Text = right;
        var points = Lines.SelectMany(s => s.Points).ToList();
        if (points.Count == 0) return plot;
        if (logX)
        {
            var xs = points.Select(p => p.X).Where(v => v > 0).ToList();
            plot.Axes.Bottom.TickGenerator = ChartStyle.LogTicks(xs.Min() / 1.5, xs.Max() * 1.5);
            plot.Axes.SetLimitsX(Math.Log10(xs.Min() / 1.5), Math.Log10(xs.Max() * 1.5));
        }
        var left = Lines.Where(s => !s.OnRight).SelectMany(s => s.Points.Select(p => p.Y).Concat(s.Intervals?.SelectMany(iv => new[] { iv.Low, iv.High }) ?? [])).ToList();
        if (left.Count > 0)
        {
            if (logY)
            {
                var ys = left.Where(v => v > 0).ToList();
                plot.Axes.Left.TickGenerator = ChartStyle.LogTicks(ys.Min() / 1.5, ys.Max() * 1.5);
                plot.Axes.SetLimitsY(Math.Log10(ys.Min() / 1.5), Math.Log10(ys.Max() * 1.5));
            }
            else plot.Axes.SetLimitsY(0, left.Max() * 1.1, plot.Axes.Left);
        }
        var rights = Lines.Where(s => s.OnRight).SelectMany(s => s.Points.Select(p => p.Y)).ToList();
        if (rights.Count > 0) plot.Axes.SetLimitsY(0, rights.Max() * 1.1, plot.Axes.Right);
        return plot;
    }
}
