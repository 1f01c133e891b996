namespace CriuBench.Criu;

/// <summary>A checkpoint or restore failed; carries CRIU's own error lines so the report can say why.</summary>
public sealed class CriuFailedException(string operation, string host, string imagesDirectory, IReadOnlyList<string> errorLines, string? detail = null, int? exitCode = null)
    : Exception($"{operation} on {host} failed: {Describe(errorLines, detail, exitCode)} (images: {imagesDirectory} on {host})")
{
    public string Operation { get; } = operation;
    public string Host { get; } = host;
    public string ImagesDirectory { get; } = imagesDirectory;
    public IReadOnlyList<string> ErrorLines { get; } = errorLines;

    /// <summary>
    /// CRIU's error lines, else its stderr, else how it ended. A CRIU that rejects its options
    /// ("criu: unrecognized option '--no-such-flag'") says so on stderr and writes no log at all;
    /// a CRIU killed by a signal logs nothing.
    /// </summary>
    public static string Describe(IReadOnlyList<string> lines, string? detail, int? exitCode)
    {
        if (lines.Count > 0) return string.Join(" | ", lines);
        var stderr = CriuLog.StderrLines(detail);
        if (stderr.Count > 0) return string.Join(" | ", stderr) + (exitCode is { } exit ? $" (exit code {exit})" : "");
        return exitCode > 128 ? $"CRIU was killed by signal {exitCode - 128} (exit code {exitCode}) before it logged an error"
            : exitCode is { } code ? $"no error lines in CRIU's log and nothing on its stderr (exit code {code})"
            : "no error lines in CRIU's log and nothing on its stderr";
    }
}
