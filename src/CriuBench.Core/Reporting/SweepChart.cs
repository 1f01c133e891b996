using System.Text;
using static CriuBench.Reporting.GnuplotText;

namespace CriuBench.Reporting;

/// <summary>
/// Two quantities against one size on two y axes: stop time (left, solid) and image size (right,
/// dashed), one colour per series. The x axis is log₂ when the sizes span more than 8×.
/// </summary>
internal sealed record SweepChart(string FileName, string Title, string XLabel, IReadOnlyList<SweepChart.Series> Lines) : IGnuplotChart
{
    private const string Size = "size 900,520";

    /// <param name="Points">By size: x, stop time (ms), image size (MiB; NaN when unknown).</param>
    public sealed record Series(string Label, IReadOnlyList<(double X, double StopMs, double? ImageMiB)> Points);

    public IReadOnlyList<double> Sizes => Lines.SelectMany(s => s.Points).Select(p => p.X).Distinct().Order().ToList();

    public bool LogX => Sizes is { Count: > 1 } s && s[0] > 0 && s[^1] / s[0] > 8;

    public string Data()
    {
        var text = new StringBuilder("# size, stop time (ms), image size (MiB): one block per series\n");
        foreach (var series in Lines)
        {
            text.Append("\n\n# ").Append(OneLine(series.Label)).Append('\n');
            foreach (var (x, stop, image) in series.Points)
                text.Append(Number(x)).Append(' ').Append(Number(stop)).Append(' ').Append(Number(image)).Append('\n');
        }
        return text.ToString();
    }

    public string Script(string pngTerminal)
    {
        var dat = Quote(FileName + ".dat");
        var clauses = Lines.SelectMany((s, i) => new[]
        {
            $"{(i == 0 ? dat : "''")} index {i} using 1:2 with linespoints pt 7 lw 2 lc {i + 1} axes x1y1 title {Quote(s.Label + ": stop time")}",
            $"'' index {i} using 1:3 with linespoints pt 6 lw 1.5 dt 2 lc {i + 1} axes x1y2 title {Quote(s.Label + ": image size")}",
        });
        var sizes = Sizes;
        var from = sizes.Count == 0 ? 0 : sizes[0];
        var to = sizes.Count == 0 ? 1 : sizes[^1];
        var xrange = LogX ? $"[{Number(from / 1.3)}:{Number(to * 1.3)}]" : $"[{Number(Math.Max(0, from - (to - from) * 0.05 - 1))}:{Number(to + (to - from) * 0.05 + 1)}]";
        var setup = new List<string>
        {
            Header(FileName),
            "set encoding utf8",
            "set datafile missing NaN",
            "set key outside bottom center horizontal maxrows 4",
            $"set title {Quote(Title)}",
            $"set xlabel {Quote(XLabel)}",
            "set ylabel 'stop time (ms), solid'",
            "set y2label 'image size (MiB), dashed'",
            $"set xrange {xrange}",
            "set yrange [0:*]",
            "set y2range [0:*]",
            "set grid xtics ytics",
            $"set xtics nomirror ({string.Join(", ", sizes.Select(s => Number(s)))})",
            "set ytics nomirror",
            "set y2tics",
            "set border 11",
        };
        if (LogX) setup.Add("set logscale x 2");
        return string.Join('\n', setup.Concat(Outputs(FileName, Size, pngTerminal, Plot(clauses)))) + "\n";
    }
}
