using System.Text;
using CriuBench.Execution;

namespace CriuBench.Reporting;

/// <summary>Writes each chart's .dat and .gp into a directory and runs gnuplot there, like BenchmarkDotNet's R plots.</summary>
internal sealed class GnuplotRenderer(ICommandRunner runner, string gnuplot)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Draws every chart; asks gnuplot for its terminals once, and not at all when there is nothing to draw.</summary>
    public async Task DrawAsync(string directory, IReadOnlyList<IGnuplotChart> charts, CancellationToken cancellationToken)
    {
        if (charts.Count == 0) return;
        Directory.CreateDirectory(directory);
        var pngTerminal = await GnuplotTerminals.PngTerminalAsync(runner, gnuplot, cancellationToken);
        foreach (var chart in charts)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, chart.FileName + ".dat"), chart.Data(), Utf8, cancellationToken);
            var script = chart.FileName + ".gp";
            await File.WriteAllTextAsync(Path.Combine(directory, script), chart.Script(pngTerminal), Utf8, cancellationToken);
            var command = Command.Of(gnuplot, script) with { WorkingDirectory = directory };
            (await runner.RunAsync(command.WithTimeout(TimeSpan.FromMinutes(1)), cancellationToken)).EnsureSuccess();
        }
    }
}
