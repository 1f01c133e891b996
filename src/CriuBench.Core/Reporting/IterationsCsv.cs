using CriuBench.Measurements;

namespace CriuBench.Reporting;

/// <summary>Reads iterations.csv back (what <see cref="IterationsCsvWriter"/> wrote); none where the file is absent.</summary>
public static class IterationsCsv
{
    /// <exception cref="RunFileException">The file is damaged or truncated; the message names the line.</exception>
    public static async Task<IReadOnlyList<IterationRecord>> ReadAsync(string path, CancellationToken ct = default) =>
        File.Exists(path) ? await ColumnCsvReader.ReadAsync(path, IterationRecord.Columns, IterationRecord.Blank, ct) : [];
}
