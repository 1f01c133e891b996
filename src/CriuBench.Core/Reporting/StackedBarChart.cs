using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// One horizontal bar per row, split into parts stacked left to right (a waterfall of a time), a
/// colour per part, the row's name beside its bar. As percent, each bar is of its own sum.
/// </summary>
/// <param name="Rows">Each row's label and its parts' values, in <paramref name="Parts"/>' order.</param>
internal sealed record StackedBarChart(
    string FileName,
    string Title,
    string XLabel,
    IReadOnlyList<string> Parts,
    IReadOnlyList<(string Label, IReadOnlyList<double> Values)> Rows,
    bool AsPercent = false,
    int Width = 1100) : IChart
{
    private static readonly Color[] PartColours =
        [Color.FromHex("#56B4E9"), Color.FromHex("#0072B2"), Color.FromHex("#009E73"), Color.FromHex("#E69F00"), Color.FromHex("#D55E00"), Color.FromHex("#CC79A7")];

    public int Height => 110 + 26 * Math.Max(Rows.Count, 1);

    /// <summary>Each row's values as drawn: ms, or percent of the row's sum.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Drawn => Rows.Select(row =>
    {
        var sum = row.Values.Sum();
        return (IReadOnlyList<double>)row.Values.Select(v => AsPercent && sum > 0 ? v * 100 / sum : v).ToList();
    }).ToList();

    public Plot Draw()
    {
        var plot = new Plot();
        var drawn = Drawn;
        for (var part = 0; part < Parts.Count; part++)
        {
            var bars = new List<Bar>();
            for (var row = 0; row < Rows.Count; row++)
            {
                var start = drawn[row].Take(part).Sum();
                bars.Add(new Bar
                {
                    Position = Rows.Count - 1 - row,
                    ValueBase = start,
                    Value = start + drawn[row][part],
                    Size = 0.7,
                    FillColor = PartColours[part % PartColours.Length],
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = Parts[part];
        }
        ChartStyle.Apply(plot, Title, XLabel, "", legend: false);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, Rows.Count).Select(i => (double)(Rows.Count - 1 - i)).ToArray(), [.. Rows.Select(r => r.Label)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var top = drawn.Select(r => r.Sum()).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsX(0, AsPercent ? 100 : top * 1.05);
        plot.Axes.SetLimitsY(-0.6, Rows.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }
}
