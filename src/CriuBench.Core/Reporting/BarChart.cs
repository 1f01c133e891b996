using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Reporting;

/// <summary>
/// What one clustered bar chart shows: a cluster per workload (or workload and link rate), a bar per
/// series (strategy, or engine/strategy when engines differ), bar = median, error bar = min..max, in
/// display units.
/// </summary>
/// <param name="Bars">[cluster][series]; null where a cluster has no value for that series.</param>
internal sealed record BarChart(
    string FileName,
    string Title,
    string YLabel,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<string> Series,
    IReadOnlyList<IReadOnlyList<BarChart.Bar?>> Bars) : IGnuplotChart
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
            var title = $"{metric.Name} at link rate {linkRate}: median, error bars min..max";
            yield return Build(metric, fileName, title, rows, r => r.Workload);
        }
    }

    /// <summary>
    /// One chart of every link rate: a cluster per workload and link rate ("counter @ 1gbit"), so
    /// strategies can be compared at each rate side by side. Null when the metric has no values.
    /// </summary>
    public static BarChart? ByWorkloadAndLinkRate(Metric metric, IReadOnlyList<SummaryRow> summary, string fileName)
    {
        var rows = summary.Where(r => r.Metric == metric.Name).ToList();
        if (rows.Count == 0) return null;
        var workloads = rows.Select(r => r.Workload).Distinct().ToList();
        var linkRates = rows.Select(r => r.LinkRate).Distinct().ToList();
        var ordered = rows.OrderBy(r => workloads.IndexOf(r.Workload)).ThenBy(r => linkRates.IndexOf(r.LinkRate)).ToList();
        var title = $"{metric.Name} per strategy at each link rate: median, error bars min..max";
        return Build(metric, fileName, title, ordered, r => $"{r.Workload} @ {r.LinkRate}");
    }

    /// <summary>What a bar series is called: the strategy, with the engine when the rows have several, and the mode when it is not only cold.</summary>
    public static Func<SummaryRow, string> SeriesOf(IReadOnlyList<SummaryRow> rows)
    {
        var severalEngines = rows.Select(r => r.Engine).Distinct().Count() > 1;
        var modes = rows.Select(r => r.Mode).Distinct().ToList();
        var showModes = modes.Count > 1 || modes.Any(mode => mode != ModeNames.Cold);
        return r => Label(r.Engine, r.Strategy, r.Mode, severalEngines, showModes);
    }

    /// <summary>[engine/]strategy[ mode]: one naming for bars, report tables and winners.</summary>
    public static string Label(string engine, string strategy, string mode, bool withEngine, bool withMode) =>
        (withEngine ? $"{engine}/{strategy}" : strategy) + (withMode ? $" {mode}" : "");

    private static BarChart Build(Metric metric, string fileName, string title, IReadOnlyList<SummaryRow> rows, Func<SummaryRow, string> clusterOf)
    {
        var unit = DisplayUnit.For(metric.Unit);
        var seriesOf = SeriesOf(rows);
        var clusters = rows.Select(clusterOf).Distinct().ToList();
        var series = rows.Select(seriesOf).Distinct().ToList();
        var bars = clusters
            .Select(cluster => (IReadOnlyList<Bar?>)series
                .Select(s => rows.FirstOrDefault(r => clusterOf(r) == cluster && seriesOf(r) == s))
                .Select(r => r is null ? null : new Bar(unit.Convert(r.Median), unit.Convert(r.Min), unit.Convert(r.Max)))
                .ToList())
            .ToList();
        return new BarChart(fileName, title, $"{metric.Name} ({unit.Label})", clusters, series, bars);
    }

    public string Data() => GnuplotScript.Data(this);

    public string Script(string pngTerminal) => GnuplotScript.Script(this, pngTerminal);

    internal static string FileNamePart(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
