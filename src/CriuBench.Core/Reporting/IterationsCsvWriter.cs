using CriuBench.Measurements;
using CriuBench.Migration;

namespace CriuBench.Reporting;

/// <summary>
/// iterations.csv: one row per pre-copy round, appended (and fsync'd) as each round ends, like
/// migrations.csv, so an interrupted run keeps the rounds it made.
/// </summary>
public sealed class IterationsCsvWriter : IIterationLog, IAsyncDisposable
{
    private readonly AppendOnlyCsvWriter<IterationRecord> _rows;

    private IterationsCsvWriter(AppendOnlyCsvWriter<IterationRecord> rows) => _rows = rows;

    /// <summary>The header line this version writes, without its line end.</summary>
    public static string HeaderLine { get; } = new ColumnCsvWriter<IterationRecord>(IterationRecord.Columns).HeaderLine;

    public static async Task<IterationsCsvWriter> OpenAsync(string path, CancellationToken ct = default) =>
        new(await AppendOnlyCsvWriter<IterationRecord>.OpenAsync(path, IterationRecord.Columns, ct));

    public Task AppendAsync(IterationRecord r, CancellationToken ct) => _rows.WriteAsync(r, ct);

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
