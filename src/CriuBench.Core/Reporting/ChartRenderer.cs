using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// Draws charts in-process (ScottPlot on SkiaSharp) into PNG and SVG files. No program is started,
/// and the same chart always gives the same bytes: Skia numbers its clip paths with a counter that
/// lives as long as the process, so the SVG's clip ids are numbered again from 1 in each file.
/// </summary>
internal static partial class ChartRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(string directory, IReadOnlyList<IChart> charts, CancellationToken ct)
    {
        if (charts.Count == 0) return;
        Directory.CreateDirectory(directory);
        foreach (var chart in charts)
        {
            var (png, svg) = Render(chart);
            await File.WriteAllBytesAsync(Path.Combine(directory, chart.FileName + ".png"), png, ct);
            await File.WriteAllTextAsync(Path.Combine(directory, chart.FileName + ".svg"), svg, Utf8, ct);
        }
    }

    public static (byte[] Png, string Svg) Render(IChart chart)
    {
        ChartFonts.Ensure();
        // Skia's drawing of one plot is not safe to share between threads; charts are few.
        lock (Gate)
        {
            using var plot = chart.Draw();
            var png = plot.GetImageBytes(chart.Width, chart.Height, ImageFormat.Png);
            var svg = NormaliseClipIds(plot.GetSvgXml(chart.Width, chart.Height));
            return (png, svg);
        }
    }

    private static readonly Lock Gate = new();

    /// <summary>cl_17, cl_a, ... (a process-wide counter, not always decimal) become cl_1, cl_2, ... in order of first appearance.</summary>
    internal static string NormaliseClipIds(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!numbers.TryGetValue(m.Groups["n"].Value, out var n)) numbers[m.Groups["n"].Value] = n = numbers.Count + 1;
            return "cl_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    [GeneratedRegex(@"\bcl_(?<n>[0-9A-Za-z]+)\b")]
    private static partial Regex ClipId();
}
