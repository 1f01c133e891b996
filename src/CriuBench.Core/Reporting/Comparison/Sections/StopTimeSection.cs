using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Stop time and transfer time per strategy at each link rate, as grouped bars.</summary>
internal sealed class StopTimeSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Stop time and transfer time per strategy");
        var any = false;
        foreach (var (metric, what) in new[] { (Metrics.StopTime, "Stop time"), (Metrics.TransferTime, "Transfer time") })
        {
            if (BarChart.ByWorkloadAndLinkRate(metric, data.Summary, $"report_{metric.Name}_by_rate") is not { } chart) continue;
            any = true;
            yield return new Figure(chart, $"{what} per strategy, grouped by workload and link rate: bars are medians, error bars span min..max.");
        }
        if (!any) yield return new Paragraph("No migration has a stop time or a transfer time.");
    }
}
