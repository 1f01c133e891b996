using CriuBench.Execution;
using CriuBench.Measurements;

namespace CriuBench.Reporting;

/// <summary>
/// Draws the summary's key metrics as clustered bar charts (SVG and PNG) by writing a .dat and a
/// .gp file per chart and running gnuplot on the script, like BenchmarkDotNet's R plots.
/// </summary>
public sealed class GnuplotCharts(ICommandRunner runner, string gnuplot = "gnuplot")
{
    /// <summary>The metrics that get a chart when they have values.</summary>
    public static IReadOnlyList<Metric> ChartedMetrics { get; } =
        [Metrics.StopTime, Metrics.CheckpointTime, Metrics.TransferTime, Metrics.RestoreTime, Metrics.ImageSize];

    /// <summary>Writes &lt;metric&gt;[_&lt;rate&gt;].{dat,gp,svg,png} into <paramref name="chartsDirectory"/>; returns the chart names.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string chartsDirectory, IReadOnlyList<SummaryRow> summary, CancellationToken cancellationToken = default)
    {
        var charts = ChartedMetrics.SelectMany(metric => BarChart.For(metric, summary)).ToList();
        await new GnuplotRenderer(runner, gnuplot).DrawAsync(chartsDirectory, charts, cancellationToken);
        return charts.Select(c => c.FileName).ToList();
    }
}
