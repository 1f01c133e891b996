using System.Text;
using static CriuBench.Reporting.GnuplotText;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// The waterfall of the stop time: one stacked bar per configuration, its stop time split into
/// CRIU's freezing, CRIU's other timed phases, the runtime and the engine where reported, the tools around them, the transfer and the harness
/// (medians of each part, <see cref="StopTimeShares"/>).
/// </summary>
/// <param name="AsPercent">Each bar as percent of the sum of its parts, so the harness's share shows beside multi-second transfers.</param>
internal sealed record StopTimeShareChart(string FileName, string Title, IReadOnlyList<(string Label, StopTimeShares Shares)> Bars, bool AsPercent = false) : IGnuplotChart
{
    public static readonly IReadOnlyList<string> Parts =
        ["CRIU freezing", "CRIU frozen + restore", "runtime outside CRIU", "engine outside the runtime", "tools outside those", "transfer (link)", "harness (between phases)"];

    private const string Size = "size 1000,560";
    private const int StraightLabelCharacters = 90;

    /// <summary>One line per bar: its label and the seven shares in ms (runtime and engine 0 where no engine reports them).</summary>
    public string Data()
    {
        var text = new StringBuilder();
        text.Append("# median stop time (").Append(AsPercent ? "% of it" : "ms").Append(") per configuration, split into: ").Append(string.Join(", ", Parts)).Append('\n');
        foreach (var (label, s) in Bars)
        {
            // Medians of the parts need not add up to the median stop time: a percent bar is of its own sum.
            var scale = AsPercent ? 100 / (s.CriuFreezingMs + s.CriuMs + s.RuntimeMs + s.EngineMs + s.ToolsMs + s.LinkMs + s.HarnessMs) : 1;
            text.Append(DataString(label)).Append(' ').Append(Number(s.CriuFreezingMs * scale)).Append(' ').Append(Number(s.CriuMs * scale))
                .Append(' ').Append(Number(s.RuntimeMs * scale)).Append(' ').Append(Number(s.EngineMs * scale))
                .Append(' ').Append(Number(s.ToolsMs * scale)).Append(' ').Append(Number(s.LinkMs * scale)).Append(' ').Append(Number(s.HarnessMs * scale)).Append('\n');
        }
        return text.ToString();
    }

    public string Script(string pngTerminal)
    {
        var dat = Quote(FileName + ".dat");
        var colors = new[] { "'#9ecae1'", "'#3182bd'", "'#756bb1'", "'#bcbddc'", "'#a1d99b'", "'#fdae6b'", "'#e6550d'" };
        var plots = Parts.Select((part, i) =>
            $"{(i == 0 ? dat : "''")} using {i + 2}{(i == 0 ? ":xtic(1)" : "")} title {Quote(part)} lc rgb {colors[i]}");
        var slanted = Bars.Sum(b => b.Label.Length + 2) > StraightLabelCharacters;
        string[] setup =
        [
            Header(FileName),
            "set encoding utf8",
            "set datafile missing NaN",
            "set style data histograms",
            "set style histogram rowstacked",
            "set style fill solid 0.9 border -1",
            "set boxwidth 0.7",
            "set key outside top center horizontal",
            $"set title {Quote(Title)}",
            AsPercent ? "set ylabel 'share of the stop time (%)'" : "set ylabel 'median stop time (ms)'",
            $"set xrange [-0.6:{Number(Bars.Count - 0.4)}]",
            AsPercent ? "set yrange [0:100]" : "set yrange [0:*]",
            "set lmargin 14",
            "set grid ytics",
            slanted ? "set xtics nomirror rotate by 30 right\nset rmargin 4" : "set xtics nomirror",
            "set ytics nomirror",
            "set border 3",
        ];
        return string.Join('\n', setup.Concat(Outputs(FileName, Size, pngTerminal, Plot(plots)))) + "\n";
    }
}
