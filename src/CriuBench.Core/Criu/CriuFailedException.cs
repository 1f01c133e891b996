namespace CriuBench.Criu;

/// <summary>A checkpoint or restore failed; carries CRIU's own error lines so the report can say why.</summary>
public sealed class CriuFailedException(string operation, string host, string imagesDirectory, IReadOnlyList<string> errorLines, string? detail = null, int? exitCode = null)
    : Exception($"{operation} on {host} failed: {Describe(errorLines, detail, exitCode)} (images: {imagesDirectory} on {host})")
{
    public string Operation { get; } = operation;
    public string Host { get; } = host;
    public string ImagesDirectory { get; } = imagesDirectory;
    public IReadOnlyList<string> ErrorLines { get; } = errorLines;

    /// <summary>CRIU's error lines, else its stderr, else how it ended: a CRIU killed by a signal logs nothing.</summary>
    private static string Describe(IReadOnlyList<string> lines, string? detail, int? exitCode) =>
        lines.Count > 0 ? string.Join(" | ", lines)
        : !string.IsNullOrWhiteSpace(detail) ? detail
        : exitCode > 128 ? $"CRIU was killed by signal {exitCode - 128} (exit code {exitCode}) before it logged an error"
        : exitCode is { } code ? $"no error lines in CRIU's log (exit code {code})"
        : "no error lines in CRIU's log";
}
