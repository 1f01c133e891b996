using System.Text;
using static CriuBench.Reporting.GnuplotText;

namespace CriuBench.Reporting;

/// <summary>
/// Points of y against x, one series per colour and point type, with straight lines
/// y = slope·x + offset over them (the physical bound of each link rate). Axes turn logarithmic
/// when the values span more than <see cref="LogRange"/>.
/// </summary>
internal sealed record ScatterChart(
    string FileName,
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<ScatterChart.Series> Points,
    IReadOnlyList<ScatterChart.Line> Lines) : IGnuplotChart
{
    /// <summary>max / min above which an axis is drawn logarithmic.</summary>
    public const double LogRange = 20;

    // Wide enough for a key beside the plot: a comparison has a series per engine/strategy and link rate.
    private const string Size = "size 1200,640";

    /// <param name="Color">gnuplot line type (1-based), shared with the bar charts' series of the same index.</param>
    /// <param name="PointType">gnuplot point type.</param>
    public sealed record Series(string Label, int Color, int PointType, IReadOnlyList<(double X, double Y)> Values);

    /// <param name="DashType">gnuplot dash type (1 solid, 2 dashed, ...).</param>
    public sealed record Line(string Label, double Slope, double Offset, int DashType);

    private IEnumerable<double> Xs => Points.SelectMany(s => s.Values).Select(v => v.X);
    private IEnumerable<double> Ys => Points.SelectMany(s => s.Values).Select(v => v.Y);

    public bool LogX => Wide(Xs);
    public bool LogY => Wide(Ys);

    /// <summary>One block per series (gnuplot's index), two blank lines apart: x y per line.</summary>
    public string Data()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(OneLine(XLabel)).Append(' ').Append(OneLine(YLabel)).Append(": one block per series\n");
        foreach (var series in Points)
        {
            text.Append("\n\n# ").Append(OneLine(series.Label)).Append('\n');
            foreach (var (x, y) in series.Values) text.Append(Number(x)).Append(' ').Append(Number(y)).Append('\n');
        }
        return text.ToString();
    }

    public string Script(string pngTerminal)
    {
        var xs = Xs.ToList();
        var (from, to) = xs.Count == 0 ? (0.0, 1.0) : (xs.Min(), xs.Max());
        var xrange = LogX ? $"[{Number(from / 1.5)}:{Number(to * 1.5)}]" : $"[0:{Number(Math.Max(to, 1e-9) * 1.05)}]";
        var dat = Quote(FileName + ".dat");
        var clauses = Points.Select((s, i) =>
                $"{(i == 0 ? dat : "''")} index {i} using 1:2 with points pt {s.PointType} ps 1.1 lc {s.Color} title {Quote(s.Label)}")
            .Concat(Lines.Select(l =>
                $"{Number(l.Slope)}*x+{Number(l.Offset)} with lines lw 1.5 dt {l.DashType} lc rgb '#555555' title {Quote(l.Label)}"));
        var setup = new List<string>
        {
            Header(FileName),
            "set encoding utf8",
            "set key outside right top vertical font ',8' spacing 0.9",
            $"set title {Quote(Title)}",
            $"set xlabel {Quote(XLabel)}",
            $"set ylabel {Quote(YLabel)}",
            $"set xrange {xrange}",
            LogY ? "set yrange [*:*]" : "set yrange [0:*]",
            "set grid xtics ytics",
            "set xtics nomirror",
            "set ytics nomirror",
            "set border 3",
            "set samples 400",
        };
        if (LogX) setup.Add("set logscale x 10");
        if (LogY) setup.Add("set logscale y 10");
        return string.Join('\n', setup.Concat(Outputs(FileName, Size, pngTerminal, Plot(clauses)))) + "\n";
    }

    private static bool Wide(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0).ToList();
        return positive.Count > 1 && positive.Max() / positive.Min() > LogRange;
    }
}
