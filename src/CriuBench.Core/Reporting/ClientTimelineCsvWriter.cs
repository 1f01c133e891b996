using CriuBench.Measurements;
using CriuBench.Migration;

namespace CriuBench.Reporting;

/// <summary>
/// client-timeline.csv: each service migration's slices, appended (and fsync'd) as its
/// verification ends. The file is made with the first service migration: runs without one have none.
/// </summary>
public sealed class ClientTimelineCsvWriter(string path) : IClientTimelineLog, IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private AppendOnlyCsvWriter<ClientSampleRecord>? _rows;

    public async Task AppendAsync(IReadOnlyList<ClientSampleRecord> slices, CancellationToken ct)
    {
        if (slices.Count == 0) return;
        await (await RowsAsync(ct)).WriteAllAsync(slices, ct);
    }

    private async Task<AppendOnlyCsvWriter<ClientSampleRecord>> RowsAsync(CancellationToken ct)
    {
        await _opening.WaitAsync(ct);
        try { return _rows ??= await AppendOnlyCsvWriter<ClientSampleRecord>.OpenAsync(path, ClientSampleRecord.Columns, ct); }
        finally { _opening.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_rows is not null) await _rows.DisposeAsync();
        _opening.Dispose();
    }
}

/// <summary>Reads client-timeline.csv back; none where the file is absent (no service ran).</summary>
public static class ClientTimelineCsv
{
    /// <exception cref="RunFileException">The file is damaged or truncated; the message names the line.</exception>
    public static async Task<IReadOnlyList<ClientSampleRecord>> ReadAsync(string path, CancellationToken ct = default) =>
        File.Exists(path) ? await ColumnCsvReader.ReadAsync(path, ClientSampleRecord.Columns, ClientSampleRecord.Blank, ct) : [];
}
