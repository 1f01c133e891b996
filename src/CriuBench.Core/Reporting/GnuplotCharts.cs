using System.Text;
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

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes &lt;metric&gt;[_&lt;rate&gt;].{dat,gp,svg,png} into <paramref name="chartsDirectory"/>; returns the chart names.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string chartsDirectory, IReadOnlyList<SummaryRow> summary, CancellationToken cancellationToken = default)
    {
        var charts = ChartedMetrics.SelectMany(metric => BarChart.For(metric, summary)).ToList();
        if (charts.Count == 0) return [];

        Directory.CreateDirectory(chartsDirectory);
        var pngTerminal = await GnuplotTerminals.PngTerminalAsync(runner, gnuplot, cancellationToken);
        foreach (var chart in charts)
        {
            await File.WriteAllTextAsync(Path.Combine(chartsDirectory, chart.FileName + ".dat"), GnuplotScript.Data(chart), Utf8, cancellationToken);
            var script = chart.FileName + ".gp";
            await File.WriteAllTextAsync(Path.Combine(chartsDirectory, script), GnuplotScript.Script(chart, pngTerminal), Utf8, cancellationToken);
            var command = Command.Of(gnuplot, script) with { WorkingDirectory = chartsDirectory };
            (await runner.RunAsync(command.WithTimeout(TimeSpan.FromMinutes(1)), cancellationToken)).EnsureSuccess();
        }
        return charts.Select(c => c.FileName).ToList();
    }
}
