using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Running;

/// <summary>
/// Where each row of a run goes as soon as it exists: the run's list, migrations.csv and one
/// progress line. The three go together or not at all: a row in the CSV was printed, and a row
/// printed is in the CSV, also when the run is being cancelled (the write is a local append that
/// takes no token, so Ctrl-C cannot land between the CSV's buffer and the progress line).
/// </summary>
internal sealed class RunRows(AppendOnlyCsvWriter<MigrationRecord> csv, ILog log, int total)
{
    private readonly List<MigrationRecord> records = [];
    private int done;

    public IReadOnlyList<MigrationRecord> Records => records;

    /// <param name="ct">Deliberately unused by the write: only checked afterwards, by the caller's next step.</param>
    public async Task AddAsync(MigrationRecord row, CancellationToken ct)
    {
        _ = ct;
        records.Add(row);
        await csv.WriteAsync(row, CancellationToken.None);
        log.Info(MigrationProgress.Describe(Math.Min(++done, total), total, row));
    }
}
