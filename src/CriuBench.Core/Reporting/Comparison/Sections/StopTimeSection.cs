using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Stop time and transfer time per strategy: a panel per workload (and engine), link rates side by side.</summary>
internal sealed class StopTimeSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Stop time and transfer time per strategy");
        var stop = Charts(data, Metrics.StopTime, "stop time").ToList();
        if (stop.Count == 0)
        {
            yield return new Paragraph("No migration has a stop time.");
            yield break;
        }
        yield return new Paragraph("One panel per workload (and engine): bars are medians, whiskers their interval (as in the first table); an axis that spans decades is logarithmic.");
        foreach (var chart in stop) yield return new Figure(chart, $"Stop time of {chart.Title[(chart.Title.IndexOf(':') + 2)..]}.");
        var transfer = Charts(data, Metrics.TransferTime, "transfer step").ToList();
        if (transfer.Count == 0) yield break;
        yield return new Paragraph(
            "The transfer step alone: for a serial copy it holds the whole crossing of the link. Striped bars are strategies whose bytes cross inside the dump or the restore " +
            "(page-server: its pages during the dump; sshfs and nfs: written during the dump, read during the restore), so their transfer step holds only the rest and is not comparable.");
        foreach (var chart in transfer) yield return new Figure(chart, $"Transfer step of {chart.Title[(chart.Title.IndexOf(':') + 2)..]}.");
    }

    /// <summary>One chart per workload and engine: groups are the link rates, a bar per strategy and mode that ran there.</summary>
    internal static IEnumerable<GroupedBarChart> Charts(ComparisonData data, Metric metric, string what)
    {
        var panels = data.Configurations.Select(c => (c.Workload, c.Engine)).Distinct().ToList();
        var severalEngines = panels.Select(p => p.Workload).Distinct().Count() < panels.Count;
        foreach (var (workload, engine) in panels)
        {
            var configurations = data.Configurations.Where(c => c.Workload == workload && c.Engine == engine && data.Values(c, metric).Count > 0).ToList();
            if (configurations.Count == 0) continue;
            var rates = data.LinkRates.Where(rate => configurations.Any(c => c.LinkRate == rate)).ToList();
            var labels = configurations.Select(c => (Label: data.Label(c, withEngine: false), c.Strategy)).Distinct().ToList();
            var hatch = metric == Metrics.TransferTime;
            var series = labels.Select(l => new GroupedBarChart.Series(
                hatch && ByteCrossings.CrossesInsideDumpOrRestore(l.Strategy) ? $"{l.Label} (striped)" : l.Label,
                l.Strategy, hatch && ByteCrossings.CrossesInsideDumpOrRestore(l.Strategy),
                rates.Select(rate => configurations.FirstOrDefault(c => c.LinkRate == rate && data.Label(c, withEngine: false) == l.Label) is { } c
                    && MedianInterval.Of(data.Values(c, metric)) is { } m
                        ? new GroupedBarChart.Value(m.Median, m.Low, m.High)
                        : null).ToList())).ToList();
            var name = severalEngines ? $"{workload} ({engine})" : workload;
            var file = $"report_{metric.Name}_{FileNames.Part(workload)}{(severalEngines ? "_" + FileNames.Part(engine) : "")}";
            yield return new GroupedBarChart(file, $"{Capitalised(what)}: {name}", "link rate", $"{what} (ms)", rates, series);
        }
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
