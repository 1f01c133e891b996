using System.Text;
using static CriuBench.Reporting.GnuplotText;

namespace CriuBench.Reporting;

/// <summary>
/// The crossover: each mode's downtime (stop time, solid) and whole migration time (dashed)
/// against the workload's dirty rate, one colour per mode (and strategy), one y axis in ms.
/// </summary>
internal sealed record CrossoverChart(string FileName, string Title, IReadOnlyList<CrossoverChart.Series> Lines) : IGnuplotChart
{
    private const string Size = "size 900,520";

    /// <param name="Points">By dirty rate (MiB/s): median stop time and median migration time (ms; null when unknown).</param>
    public sealed record Series(string Label, IReadOnlyList<(double DirtyRate, double StopMs, double? MigrationMs)> Points);

    public IReadOnlyList<double> Rates => Lines.SelectMany(s => s.Points).Select(p => p.DirtyRate).Distinct().Order().ToList();

    public string Data()
    {
        var text = new StringBuilder("# dirty rate (MiB/s), stop time (ms), migration time (ms): one block per series\n");
        foreach (var series in Lines)
        {
            text.Append("\n\n# ").Append(OneLine(series.Label)).Append('\n');
            foreach (var (rate, stop, migration) in series.Points)
                text.Append(Number(rate)).Append(' ').Append(Number(stop)).Append(' ').Append(Number(migration)).Append('\n');
        }
        return text.ToString();
    }

    public string Script(string pngTerminal)
    {
        var dat = Quote(FileName + ".dat");
        var clauses = Lines.SelectMany((s, i) => new[]
        {
            $"{(i == 0 ? dat : "''")} index {i} using 1:2 with linespoints pt 7 lw 2 lc {i + 1} title {Quote(s.Label + ": downtime (stop time)")}",
            $"'' index {i} using 1:3 with linespoints pt 6 lw 1.5 dt 2 lc {i + 1} title {Quote(s.Label + ": whole migration")}",
        });
        var rates = Rates;
        var to = rates.Count == 0 ? 1 : rates[^1];
        string[] setup =
        [
            Header(FileName),
            "set encoding utf8",
            "set datafile missing NaN",
            "set key outside bottom center horizontal maxrows 4",
            $"set title {Quote(Title)}",
            "set xlabel 'dirty rate (MiB/s, from the parameters column)'",
            "set ylabel 'time (ms): downtime solid, whole migration dashed'",
            $"set xrange [{Number(-to * 0.05 - 1)}:{Number(to * 1.05 + 1)}]",
            "set yrange [0:*]",
            "set grid xtics ytics",
            $"set xtics nomirror ({string.Join(", ", rates.Select(r => Number(r)))})",
            "set ytics nomirror",
            "set border 3",
        ];
        return string.Join('\n', setup.Concat(Outputs(FileName, Size, pngTerminal, Plot(clauses)))) + "\n";
    }
}
