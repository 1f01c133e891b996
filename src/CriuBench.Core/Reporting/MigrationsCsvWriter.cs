using CriuBench.Measurements;

namespace CriuBench.Reporting;

/// <summary>Appends to migrations.csv as migrations finish (see <see cref="AppendOnlyCsvWriter{TRow}"/>).</summary>
public static class MigrationsCsvWriter
{
    public static Task<AppendOnlyCsvWriter<MigrationRecord>> OpenAsync(string path, CancellationToken ct = default) =>
        AppendOnlyCsvWriter<MigrationRecord>.OpenAsync(path, MigrationRecord.Columns, ct);
}
