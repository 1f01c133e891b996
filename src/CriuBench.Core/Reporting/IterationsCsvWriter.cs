using CriuBench.Measurements;
using CriuBench.Migration;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// iterations.csv: one row per pre-copy round, appended (and fsync'd) as each round ends, like
/// migrations.csv, so an interrupted run keeps the rounds it made.
/// </summary>
public sealed class IterationsCsvWriter : IIterationLog, IAsyncDisposable
{
    public static readonly string[] Columns =
    [
        "run_id", "migration_id", "workload", "mode", "strategy", "link_rate", "iteration",
        "pages_scanned", "pages_written", "pages_skipped_parent", "bytes_moved",
        "duration_ms", "dump_time_ms", "transfer_time_ms",
        "criu_freezing_time_ms", "criu_frozen_time_ms", "criu_memdump_time_ms", "criu_memwrite_time_ms", "criu_page_pipes",
        "decision",
    ];

    public static string HeaderLine { get; } = string.Join(',', Columns);

    private readonly FileStream file;
    private readonly CsvWriter csv;
    private readonly SemaphoreSlim one = new(1, 1);

    private IterationsCsvWriter(FileStream file)
    {
        this.file = file;
        csv = CsvWriter.Create(file, CsvDialect.Writer, leaveOpen: true);
    }

    public static async Task<IterationsCsvWriter> OpenAsync(string path, CancellationToken ct = default)
    {
        var isEmpty = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (!isEmpty)
        {
            using var reader = new StreamReader(path);
            if (await reader.ReadLineAsync(ct) is var first && first != HeaderLine)
                throw new InvalidDataException($"{path} has other columns than this version writes; refusing to append to it. Its header: {first}");
        }
        var writer = new IterationsCsvWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        if (isEmpty)
        {
            foreach (var column in Columns) writer.csv.WriteField(column);
            await writer.EndRowAsync(ct);
        }
        return writer;
    }

    public async Task AppendAsync(IterationRecord r, CancellationToken ct)
    {
        await one.WaitAsync(ct);
        try
        {
            csv.WriteField(r.RunId);
            csv.WriteField(r.MigrationId);
            csv.WriteField(r.Workload);
            csv.WriteField(r.Mode);
            csv.WriteField(r.Strategy);
            csv.WriteField(r.LinkRate);
            csv.WriteField(r.Iteration);
            csv.WriteField(r.PagesScanned);
            csv.WriteField(r.PagesWritten);
            csv.WriteField(r.PagesSkippedParent);
            csv.WriteField(r.BytesMoved);
            Number(r.DurationMs);
            Number(r.DumpTimeMs);
            Number(r.TransferTimeMs);
            Number(r.CriuFreezingTimeMs);
            Number(r.CriuFrozenTimeMs);
            Number(r.CriuMemdumpTimeMs);
            Number(r.CriuMemwriteTimeMs);
            csv.WriteField(r.CriuPagePipes);
            csv.WriteField(r.Decision);
            await EndRowAsync(ct);
        }
        finally { one.Release(); }
    }

    private void Number(double? value) => csv.WriteField(value, CsvDialect.RoundTripDouble);

    private async Task EndRowAsync(CancellationToken ct)
    {
        await csv.EndRecordAsync(ct);
        await csv.FlushAsync(ct);
        file.Flush(flushToDisk: true);
    }

    public async ValueTask DisposeAsync()
    {
        await csv.DisposeAsync();
        await file.DisposeAsync();
        one.Dispose();
    }
}
