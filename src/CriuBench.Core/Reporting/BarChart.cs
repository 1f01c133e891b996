using CriuBench.Measurements;

namespace CriuBench.Reporting;

/// <summary>
/// What one clustered bar chart shows: a cluster per workload, a bar per series (strategy, or
/// engine/strategy when engines differ), bar = median, error bar = min..max, in display units.
/// </summary>
/// <param name="Bars">[cluster][series]; null where a workload has no value for that series.</param>
internal sealed record BarChart(
    string FileName,
    string Title,
    string YLabel,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<string> Series,
    IReadOnlyList<IReadOnlyList<BarChart.Bar?>> Bars)
{
    public sealed record Bar(double Median, double Min, double Max);

    /// <summary>One chart per link rate when the summary has several (file names get _&lt;rate&gt;), else one chart.</summary>
    public static IEnumerable<BarChart> For(Metric metric, IReadOnlyList<SummaryRow> summary)
    {
        var linkRates = summary.Select(r => r.LinkRate).Distinct().ToList();
        foreach (var linkRate in linkRates)
        {
            var rows = summary.Where(r => r.Metric == metric.Name && r.LinkRate == linkRate).ToList();
            if (rows.Count == 0) continue;
            var fileName = linkRates.Count == 1 ? metric.Name : $"{metric.Name}_{FileNamePart(linkRate)}";
            yield return Build(metric, linkRate, fileName, rows);
        }
    }

    private static BarChart Build(Metric metric, string linkRate, string fileName, IReadOnlyList<SummaryRow> rows)
    {
        var unit = DisplayUnit.For(metric.Unit);
        var severalEngines = rows.Select(r => r.Engine).Distinct().Count() > 1;
        string SeriesOf(SummaryRow r) => severalEngines ? $"{r.Engine}/{r.Strategy}" : r.Strategy;

        var clusters = rows.Select(r => r.Workload).Distinct().ToList();
        var series = rows.Select(SeriesOf).Distinct().ToList();
        var bars = clusters
            .Select(workload => (IReadOnlyList<Bar?>)series
                .Select(s => rows.FirstOrDefault(r => r.Workload == workload && SeriesOf(r) == s))
                .Select(r => r is null ? null : new Bar(unit.Convert(r.Median), unit.Convert(r.Min), unit.Convert(r.Max)))
                .ToList())
            .ToList();
        var title = $"{metric.Name} at link rate {linkRate}: median, error bars min..max";
        return new BarChart(fileName, title, $"{metric.Name} ({unit.Label})", clusters, series, bars);
    }

    private static string FileNamePart(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
