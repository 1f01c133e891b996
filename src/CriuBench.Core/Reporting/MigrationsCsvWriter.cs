using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// Appends to migrations.csv one row at a time, each row on disk (fsync'd) before
/// <see cref="WriteAsync"/> returns, so the migrations measured before a crash are kept.
/// </summary>
public sealed class MigrationsCsvWriter : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly CsvWriter _csv;

    private MigrationsCsvWriter(FileStream file)
    {
        _file = file;
        _csv = CsvWriter.Create(file, CsvDialect.Writer, leaveOpen: true);
    }

    /// <summary>
    /// Opens <paramref name="path"/> for appending; a new or empty file gets the header first. An
    /// existing file must start with the same header, so one file never mixes two layouts.
    /// </summary>
    public static async Task<MigrationsCsvWriter> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var isEmpty = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (!isEmpty) await EnsureSameHeaderAsync(path, cancellationToken);

        var writer = new MigrationsCsvWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        try
        {
            if (isEmpty)
            {
                MigrationRecordCsvWriter.Instance.WriteHeader(writer._csv);
                await writer.EndRowAsync(cancellationToken);
            }
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    public async Task WriteAsync(MigrationRecord record, CancellationToken cancellationToken = default)
    {
        MigrationRecordCsvWriter.Instance.Write(_csv, record);
        await EndRowAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async Task EndRowAsync(CancellationToken cancellationToken)
    {
        await _csv.EndRecordAsync(cancellationToken);
        await _csv.FlushAsync(cancellationToken);
        _file.Flush(flushToDisk: true);
    }

    private static async Task EnsureSameHeaderAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var first = await reader.ReadLineAsync(cancellationToken);
        if (first != MigrationRecordCsvWriter.HeaderLine)
            throw new InvalidDataException($"{path} has other columns than this version writes; refusing to append to it. Its header: {first}");
    }
}
