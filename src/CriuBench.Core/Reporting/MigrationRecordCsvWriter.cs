using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// How migrations.csv is written: the columns <see cref="MigrationRecordCsvMap"/> reads, in the same
/// names, plus the computed direction after destination for people reading the file. Hand-written
/// because CsvHelper's generated writer skips members without a setter.
/// </summary>
internal sealed class MigrationRecordCsvWriter : CsvRecordWriter<MigrationRecord>
{
    public static MigrationRecordCsvWriter Instance { get; } = new();

    private static readonly string[] Columns =
    [
        "run_id", "repetition", "workload", "engine", "strategy", "mode", "source", "destination", "direction",
        "link_rate", "host_kind", "succeeded", "failure_reason", "workload_runs_on",
        "stop_time_ms", "checkpoint_time_ms", "transfer_time_ms", "restore_time_ms", "total_time_ms",
        "image_bytes", "page_bytes", "transferred_bytes", "counter_gap", "app_downtime_ms",
        "criu_freezing_time_ms", "criu_frozen_time_ms", "criu_memdump_time_ms", "criu_memwrite_time_ms",
        "criu_pages_scanned", "criu_pages_written", "criu_restore_time_ms", "criu_forking_time_ms", "criu_pages_restored",
        "iterations", "stop_rule", "stop_reason", "link_bytes",
    ];

    /// <summary>The header line as written, without its line end.</summary>
    public static string HeaderLine { get; } = string.Join(',', Columns);

    public override int FieldCount => Columns.Length;

    public override void WriteHeader(CsvWriter writer)
    {
        foreach (var column in Columns) WriteColumnName(writer, column);
    }

    public override void Write(CsvWriter writer, MigrationRecord r)
    {
        writer.WriteField(r.RunId);
        writer.WriteField(r.Repetition);
        writer.WriteField(r.Workload);
        writer.WriteField(r.Engine);
        writer.WriteField(r.Strategy);
        writer.WriteField(r.Mode);
        writer.WriteField(r.Source);
        writer.WriteField(r.Destination);
        writer.WriteField(r.Direction);
        writer.WriteField(r.LinkRate);
        writer.WriteField(r.HostKind);
        writer.WriteField(r.Succeeded);
        writer.WriteField(r.FailureReason);
        writer.WriteField(r.WorkloadRunsOn);
        Number(writer, r.StopTimeMs);
        Number(writer, r.CheckpointTimeMs);
        Number(writer, r.TransferTimeMs);
        Number(writer, r.RestoreTimeMs);
        Number(writer, r.TotalTimeMs);
        writer.WriteField(r.ImageBytes);
        writer.WriteField(r.PageBytes);
        writer.WriteField(r.TransferredBytes);
        writer.WriteField(r.CounterGap);
        Number(writer, r.AppDowntimeMs);
        Number(writer, r.CriuFreezingTimeMs);
        Number(writer, r.CriuFrozenTimeMs);
        Number(writer, r.CriuMemdumpTimeMs);
        Number(writer, r.CriuMemwriteTimeMs);
        writer.WriteField(r.CriuPagesScanned);
        writer.WriteField(r.CriuPagesWritten);
        Number(writer, r.CriuRestoreTimeMs);
        Number(writer, r.CriuForkingTimeMs);
        writer.WriteField(r.CriuPagesRestored);
        writer.WriteField(r.Iterations);
        writer.WriteField(r.StopRule);
        writer.WriteField(r.StopReason);
        writer.WriteField(r.LinkBytes);
    }

    private static void Number(CsvWriter writer, double? value) => writer.WriteField(value, CsvDialect.RoundTripDouble);
}
