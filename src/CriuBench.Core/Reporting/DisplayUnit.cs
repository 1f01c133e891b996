using System.Globalization;

namespace CriuBench.Reporting;

/// <summary>
/// How a metric's unit is shown to people (Markdown tables, chart axes): bytes as MiB, times in ms
/// with two decimals. Data files keep the raw unit; this is for display only.
/// </summary>
public sealed record DisplayUnit(string Label, double Divisor, string Format)
{
    public static DisplayUnit For(string unit) => unit switch
    {
        "bytes" => new("MiB", 1024 * 1024, "0.00"),
        "ms" => new("ms", 1, "0.00"),
        "ratio" => new("ratio", 1, "0.000"),
        _ => new(unit, 1, "0.#"),
    };

    public double Convert(double value) => value / Divisor;

    /// <summary>Invariant text of the converted value; never "-0.00".</summary>
    public string Text(double value)
    {
        var text = Convert(value).ToString(Format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0 ? text[1..] : text;
    }
}
