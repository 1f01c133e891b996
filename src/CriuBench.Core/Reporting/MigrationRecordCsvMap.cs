using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// How migrations.csv is read back: the snake_case column of each <see cref="MigrationRecord"/>
/// member (CsvHelper 34 generates the mapper from these stand-ins; the record stays free of CSV
/// attributes). <see cref="MigrationRecordCsvWriter"/> writes the same columns plus direction.
/// </summary>
[CsvRecordMap(typeof(MigrationRecord))]
internal sealed partial class MigrationRecordCsvMap
{
    [CsvColumn("run_id")] public string RunId { get; set; } = "";
    [CsvColumn("repetition")] public int Repetition { get; set; }
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    [CsvColumn("engine")] public string Engine { get; set; } = "";
    [CsvColumn("strategy")] public string Strategy { get; set; } = "";
    // Optional: files written before modes existed hold cold migrations only.
    [CsvColumn("mode", Optional = true)] public string Mode { get; set; } = "cold";
    [CsvColumn("source")] public string Source { get; set; } = "";
    [CsvColumn("destination")] public string Destination { get; set; } = "";
    [CsvColumn("link_rate")] public string LinkRate { get; set; } = "";
    [CsvColumn("host_kind")] public string HostKind { get; set; } = "";
    [CsvColumn("succeeded")] public bool Succeeded { get; set; }
    [CsvColumn("failure_reason"), CsvNullValues("")] public string? FailureReason { get; set; }
    [CsvColumn("workload_runs_on")] public string WorkloadRunsOn { get; set; } = "";

    [CsvColumn("stop_time_ms")] public double? StopTimeMs { get; set; }
    [CsvColumn("checkpoint_time_ms")] public double? CheckpointTimeMs { get; set; }
    [CsvColumn("transfer_time_ms")] public double? TransferTimeMs { get; set; }
    [CsvColumn("restore_time_ms")] public double? RestoreTimeMs { get; set; }
    [CsvColumn("total_time_ms")] public double? TotalTimeMs { get; set; }
    [CsvColumn("image_bytes")] public long? ImageBytes { get; set; }
    [CsvColumn("page_bytes")] public long? PageBytes { get; set; }
    [CsvColumn("transferred_bytes")] public long? TransferredBytes { get; set; }
    [CsvColumn("counter_gap")] public long? CounterGap { get; set; }
    [CsvColumn("app_downtime_ms")] public double? AppDowntimeMs { get; set; }
    [CsvColumn("criu_freezing_time_ms")] public double? CriuFreezingTimeMs { get; set; }
    [CsvColumn("criu_frozen_time_ms")] public double? CriuFrozenTimeMs { get; set; }
    [CsvColumn("criu_memdump_time_ms")] public double? CriuMemdumpTimeMs { get; set; }
    [CsvColumn("criu_memwrite_time_ms")] public double? CriuMemwriteTimeMs { get; set; }
    [CsvColumn("criu_pages_scanned")] public long? CriuPagesScanned { get; set; }
    [CsvColumn("criu_pages_written")] public long? CriuPagesWritten { get; set; }
    [CsvColumn("criu_restore_time_ms")] public double? CriuRestoreTimeMs { get; set; }
    [CsvColumn("criu_forking_time_ms")] public double? CriuForkingTimeMs { get; set; }
    [CsvColumn("criu_pages_restored")] public long? CriuPagesRestored { get; set; }
    // Optional: files written before the live modes existed have no rounds.
    [CsvColumn("iterations", Optional = true)] public int? Iterations { get; set; }
    [CsvColumn("stop_rule", Optional = true), CsvNullValues("")] public string? StopRule { get; set; }
    [CsvColumn("stop_reason", Optional = true), CsvNullValues("")] public string? StopReason { get; set; }
    [CsvColumn("link_bytes", Optional = true)] public long? LinkBytes { get; set; }
}
