using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// Appends rows to a results file (migrations.csv, iterations.csv) one at a time, each on disk
/// (fsync'd) before <see cref="WriteAsync"/> returns, so what was measured before a crash is kept.
/// Rows may come from several tasks: one is written at a time.
/// </summary>
public sealed class AppendOnlyCsvWriter<TRow> : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly CsvWriter _csv;
    private readonly ColumnCsvWriter<TRow> _columns;
    private readonly SemaphoreSlim _one = new(1, 1);

    private AppendOnlyCsvWriter(FileStream file, ColumnCsvWriter<TRow> columns)
    {
        _file = file;
        _columns = columns;
        _csv = CsvWriter.Create(file, CsvDialect.Writer, leaveOpen: true);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for appending; a new or empty file gets the header first. An
    /// existing file must start with the same header, so one file never mixes two layouts.
    /// </summary>
    /// <exception cref="InvalidDataException">The file has another header.</exception>
    public static async Task<AppendOnlyCsvWriter<TRow>> OpenAsync(string path, IReadOnlyList<Column<TRow>> columns, CancellationToken ct = default)
    {
        var layout = new ColumnCsvWriter<TRow>(columns);
        var isEmpty = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (!isEmpty) await EnsureSameHeaderAsync(path, layout.HeaderLine, ct);

        var writer = new AppendOnlyCsvWriter<TRow>(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), layout);
        try
        {
            if (isEmpty)
            {
                layout.WriteHeader(writer._csv);
                await writer.EndRowAsync(ct);
            }
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public Task WriteAsync(TRow row, CancellationToken ct = default) => WriteAllAsync([row], ct);

    /// <summary>Rows that belong together (one, or a migration's client timeline), on disk once at the end.</summary>
    public async Task WriteAllAsync(IEnumerable<TRow> rows, CancellationToken ct = default)
    {
        await _one.WaitAsync(ct);
        try
        {
            foreach (var row in rows)
            {
                _columns.Write(_csv, row);
                await _csv.EndRecordAsync(ct);
            }
            await _csv.FlushAsync(ct);
            _file.Flush(flushToDisk: true);
        }
        finally { _one.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _file.DisposeAsync();
        _one.Dispose();
    }

    private async Task EndRowAsync(CancellationToken ct)
    {
        await _csv.EndRecordAsync(ct);
        await _csv.FlushAsync(ct);
        _file.Flush(flushToDisk: true);
    }

    private static async Task EnsureSameHeaderAsync(string path, string header, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var first = await reader.ReadLineAsync(ct);
        if (first != header)
            throw new InvalidDataException($"{path} has other columns than this version writes; refusing to append to it. Its header: {first}");
    }
}
