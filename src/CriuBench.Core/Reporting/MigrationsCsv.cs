using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// migrations.csv as a whole file, in the columns of <see cref="MigrationRecord.Columns"/>: read back
/// to regenerate a report from CSV alone, and written by tools and tests (the harness appends with
/// <see cref="MigrationsCsvWriter"/> instead).
/// </summary>
public static class MigrationsCsv
{
    private static readonly ColumnCsvWriter<MigrationRecord> Layout = new(MigrationRecord.Columns);

    /// <summary>The header line this version writes, without its line end.</summary>
    public static string HeaderLine => Layout.HeaderLine;

    public static async Task WriteAsync(string path, IEnumerable<MigrationRecord> records, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        await csv.WriteRecordsAsync(records, Layout, cancellationToken);
    }

    /// <summary>
    /// Every row, in file order. The direction column is ignored: it follows from source and
    /// destination. Files written before the optional columns read with their defaults (a file
    /// from before modes holds cold migrations; one from before parameters has none).
    /// </summary>
    /// <exception cref="RunFileException">The file is missing, damaged or truncated; the message names the line.</exception>
    public static Task<IReadOnlyList<MigrationRecord>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ColumnCsvReader.ReadAsync(path, MigrationRecord.Columns, MigrationRecord.Blank, cancellationToken);
}
