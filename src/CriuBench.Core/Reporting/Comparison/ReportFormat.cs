using System.Globalization;
using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>How the comparison report writes numbers: invariant culture, in display units.</summary>
internal static class ReportFormat
{
    private static readonly DisplayUnit Milliseconds = DisplayUnit.For("ms");
    private static readonly DisplayUnit Bytes = DisplayUnit.For("bytes");
    private static readonly DisplayUnit Ratio = DisplayUnit.For("ratio");

    public static string Ms(double value) => Milliseconds.Text(value);

    public static string Ms(double? value, string none = "n/a") => value is { } v ? Ms(v) : none;

    public static string MiB(double bytes) => Bytes.Text(bytes);

    public static string Ratio3(double value) => Ratio.Text(value);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A metric's median in its display unit, or <paramref name="none"/> without a summary row.</summary>
    public static string Median(SummaryRow? row, Metric metric, string none = "n/a") =>
        row is null ? none : DisplayUnit.For(metric.Unit).Text(row.Median);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
