using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// migrations.csv as a whole file: read back to regenerate a report from CSV alone, and written by
/// tools and tests (the harness appends with <see cref="MigrationsCsvWriter"/> instead).
/// </summary>
public static class MigrationsCsv
{
    public static async Task WriteAsync(string path, IEnumerable<MigrationRecord> records, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        await csv.WriteRecordsAsync(records, MigrationRecordCsvWriter.Instance, cancellationToken);
    }

    /// <summary>Every row, in file order. The direction column is ignored: it follows from source and destination.</summary>
    /// <exception cref="RunFileException">The file is missing, damaged or truncated; the message names the line.</exception>
    public static Task<IReadOnlyList<MigrationRecord>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        CsvReadErrors.GuardAsync<IReadOnlyList<MigrationRecord>>(path, async () =>
        {
            await using var csv = CsvReader.FromFile(path, CsvDialect.Reader);
            var records = new List<MigrationRecord>();
            // A file written before modes existed has no mode column, and the reader leaves the member null:
            // those rows are cold migrations, and the mode is a key of every summary.
            await foreach (var record in csv.GetRecordsAsync<MigrationRecord>(cancellationToken))
                records.Add(record.Mode is null ? record with { Mode = Migration.MigrationModes.Cold } : record);
            return records;
        });
}
