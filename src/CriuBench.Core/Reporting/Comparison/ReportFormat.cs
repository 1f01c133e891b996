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

    /// <summary>
    /// Decimals that the interval's width justifies: two significant digits of the width
    /// (18 ms → 0 decimals, 1.8 ms → 1), at most 3; without a width, three significant digits of the value.
    /// </summary>
    public static int Decimals(double value, double width)
    {
        if (width > 0 && double.IsFinite(width)) return Math.Clamp(1 - (int)Math.Floor(Math.Log10(width)), 0, 3);
        if (value == 0 || !double.IsFinite(value)) return 0;
        return Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 3);
    }

    public static string Fixed(double value, int decimals)
    {
        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0 ? text[1..] : text;
    }

    /// <summary>"143 [136, 154]": the median and its interval, in the digits the interval justifies.</summary>
    public static string WithInterval(double value, double? low, double? high)
    {
        if (low is not { } lo || high is not { } hi) return Fixed(value, Decimals(value, 0));
        var decimals = Decimals(value, hi - lo);
        return $"{Fixed(value, decimals)} [{Fixed(lo, decimals)}, {Fixed(hi, decimals)}]";
    }

    public static string WithInterval(MedianInterval m) => m.N < 2 ? Fixed(m.Median, Decimals(m.Median, 0)) : WithInterval(m.Median, m.Low, m.High);
}
