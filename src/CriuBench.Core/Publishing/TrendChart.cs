using System.Globalization;
using System.Net;
using System.Text;

namespace CriuBench.Publishing;

/// <summary>
/// The site's trend chart as an SVG written here (no plotting program on the CI runner): one line
/// per configuration, its median stop time in each published run, oldest run on the left. A point's
/// tooltip says the run, its CRIU and the value.
/// </summary>
public static class TrendChart
{
    public const string FileName = "trend.svg";

    private const double Width = 960, Height = 480, Left = 70, Right = 330, Top = 40, Bottom = 90;

    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string Render(IReadOnlyList<HistoryRow> history)
    {
        var runs = history.Select(r => r.RunId).Distinct().ToList();
        var series = history.Select(r => r.Series).Distinct().ToList();
        var svg = new StringBuilder();
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">");
        svg.AppendLine($"<rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"white\"/>");
        svg.AppendLine($"<text x=\"{N(Width / 2)}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Median stop time per configuration, by published run</text>");
        if (runs.Count == 0)
        {
            svg.AppendLine($"<text x=\"{N(Width / 2)}\" y=\"{N(Height / 2)}\" text-anchor=\"middle\">no runs published yet</text></svg>");
            return svg.ToString();
        }
        var top = NiceCeiling(history.Max(r => r.MedianStopTimeMs));
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(int run) => Left + (runs.Count == 1 ? plotWidth / 2 : run * plotWidth / (runs.Count - 1));
        double Y(double ms) => Top + plotHeight - ms / top * plotHeight;

        // Axes, grid and labels.
        for (var i = 0; i <= 5; i++)
        {
            var value = top * i / 5;
            svg.AppendLine($"<line x1=\"{N(Left)}\" x2=\"{N(Left + plotWidth)}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\" stroke=\"#ddd\"/>");
            svg.AppendLine($"<text x=\"{N(Left - 6)}\" y=\"{N(Y(value) + 4)}\" text-anchor=\"end\">{N(value)}</text>");
        }
        svg.AppendLine($"<text transform=\"translate(16 {N(Top + plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">median stop time (ms)</text>");
        svg.AppendLine($"<line x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(Top)}\" y2=\"{N(Top + plotHeight)}\" stroke=\"black\"/>");
        svg.AppendLine($"<line x1=\"{N(Left)}\" x2=\"{N(Left + plotWidth)}\" y1=\"{N(Top + plotHeight)}\" y2=\"{N(Top + plotHeight)}\" stroke=\"black\"/>");
        for (var i = 0; i < runs.Count; i++)
        {
            var row = history.First(r => r.RunId == runs[i]);
            var label = $"{row.StartedAt.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} CRIU {row.CriuVersion}";
            svg.AppendLine($"<text transform=\"translate({N(X(i))} {N(Top + plotHeight + 12)}) rotate(30)\" font-size=\"10\">{E(label)}</text>");
        }

        // One line per configuration, in the order they first appear; a run without it leaves a gap.
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var points = runs.Select((run, i) => (i, row: history.FirstOrDefault(r => r.RunId == run && r.Series == series[s]))).Where(p => p.row is not null).ToList();
            svg.AppendLine($"<g class=\"series\" data-series=\"{E(series[s])}\">");
            if (points.Count > 1)
                svg.AppendLine($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{string.Join(' ', points.Select(p => $"{N(X(p.i))},{N(Y(p.row!.MedianStopTimeMs))}"))}\"/>");
            foreach (var (i, row) in points)
                svg.AppendLine($"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(row!.MedianStopTimeMs))}\" r=\"3\" fill=\"{color}\"><title>{E($"{row.RunId} (CRIU {row.CriuVersion}): {series[s]} {row.MedianStopTimeMs.ToString("0.0", CultureInfo.InvariantCulture)} ms, n={row.N}")}</title></circle>");
            svg.AppendLine("</g>");
            var legendY = Top + 8 + s * 16;
            svg.AppendLine($"<rect x=\"{N(Width - Right + 20)}\" y=\"{N(legendY - 8)}\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            svg.AppendLine($"<text x=\"{N(Width - Right + 36)}\" y=\"{N(legendY + 1)}\">{E(series[s])}</text>");
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten at or above the largest value, so the axis ends on a round number.</summary>
    internal static double NiceCeiling(double max)
    {
        if (!(max > 0)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
            if (step * power >= max) return step * power;
        return 10 * power;
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
