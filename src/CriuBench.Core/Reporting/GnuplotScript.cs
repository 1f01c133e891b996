using System.Text;
using static CriuBench.Reporting.GnuplotText;

namespace CriuBench.Reporting;

/// <summary>
/// The .dat and .gp text of a <see cref="BarChart"/>. The script names its files relative to its own
/// directory, so `gnuplot name.gp` run there redraws the chart, and writes the same bytes every time.
/// </summary>
internal static class GnuplotScript
{
    private const string Size = "size 900,500";

    /// <summary>Above this many characters of cluster names in all, the names are slanted so they do not overlap.</summary>
    private const int StraightLabelCharacters = 90;

    /// <summary>One line per cluster: its name, then median, min and max of each series (NaN: no value).</summary>
    public static string Data(BarChart chart)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(chart.YLabel).Append(": per cluster, median min max of each of: ")
            .Append(string.Join(", ", chart.Series.Select(OneLine))).Append('\n');
        for (var c = 0; c < chart.Clusters.Count; c++)
        {
            text.Append(DataString(chart.Clusters[c]));
            foreach (var bar in chart.Bars[c])
                text.Append(' ').Append(Number(bar?.Median)).Append(' ').Append(Number(bar?.Min)).Append(' ').Append(Number(bar?.Max));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <param name="pngTerminal">"pngcairo", or "png" where gnuplot lacks cairo.</param>
    public static string Script(BarChart chart, string pngTerminal)
    {
        var dat = Quote(chart.FileName + ".dat");
        var plots = chart.Series.Select((series, s) =>
        {
            var median = 2 + 3 * s;
            var source = s == 0 ? dat : "''";
            var xtics = s == 0 ? ":xtic(1)" : "";
            return $"{source} using {median}:{median + 1}:{median + 2}{xtics} title {Quote(series)}";
        });
        var slanted = chart.Clusters.Sum(c => c.Length + 2) > StraightLabelCharacters;
        string[] setup =
        [
            Header(chart.FileName),
            "set encoding utf8",
            "set datafile missing NaN",
            "set style data histograms",
            "set style histogram errorbars gap 2 lw 1",
            "set style fill solid 0.85 border -1",
            "set key outside top center horizontal",
            $"set title {Quote(chart.Title)}",
            $"set ylabel {Quote(chart.YLabel)}",
            $"set xrange [-0.6:{Number(chart.Clusters.Count - 0.4)}]",
            "set yrange [0:*]",
            "set grid ytics",
            // Slanted labels make gnuplot reserve a wide right margin it does not need.
            slanted ? "set xtics nomirror rotate by 30 right\nset rmargin 4" : "set xtics nomirror",
            "set ytics nomirror",
            "set border 3",
        ];
        return string.Join('\n', setup.Concat(Outputs(chart.FileName, Size, pngTerminal, Plot(plots)))) + "\n";
    }
}
