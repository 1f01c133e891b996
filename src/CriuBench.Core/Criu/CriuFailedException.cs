namespace CriuBench.Criu;

/// <summary>A checkpoint or restore failed; carries CRIU's own error lines so the report can say why.</summary>
public sealed class CriuFailedException(string operation, string host, string imagesDirectory, IReadOnlyList<string> errorLines, string? detail = null)
    : Exception($"{operation} on {host} failed: {Describe(errorLines, detail)} (images: {imagesDirectory} on {host})")
{
    public string Operation { get; } = operation;
    public string Host { get; } = host;
    public string ImagesDirectory { get; } = imagesDirectory;
    public IReadOnlyList<string> ErrorLines { get; } = errorLines;

    private static string Describe(IReadOnlyList<string> lines, string? detail) =>
        lines.Count > 0 ? string.Join(" | ", lines) : detail ?? "no error lines in CRIU's log";
}
