using CriuBench.Execution;

namespace CriuBench.Reporting;

/// <summary>Which of gnuplot's output terminals the charts use here: svg, and pngcairo or else png.</summary>
internal static class GnuplotTerminals
{
    /// <summary>The PNG terminal to use. Throws when gnuplot lacks svg or any PNG terminal.</summary>
    public static async Task<string> PngTerminalAsync(ICommandRunner runner, string gnuplot, CancellationToken cancellationToken)
    {
        // `print` writes to stderr; read both streams to be safe.
        var result = (await runner.RunAsync(Command.Of(gnuplot, "-e", "print GPVAL_TERMINALS").WithTimeout(TimeSpan.FromSeconds(30)), cancellationToken))
            .EnsureSuccess();
        var terminals = (result.StandardOutput + " " + result.StandardError)
            .Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);

        if (!terminals.Contains("svg"))
            throw new InvalidOperationException($"{gnuplot} has no svg terminal; install gnuplot-nox (scripts/setup.sh)");
        if (terminals.Contains("pngcairo")) return "pngcairo";
        if (terminals.Contains("png")) return "png";
        throw new InvalidOperationException($"{gnuplot} has neither the pngcairo nor the png terminal; install gnuplot-nox (scripts/setup.sh)");
    }
}
