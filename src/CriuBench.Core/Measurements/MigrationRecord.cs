using C = CriuBench.Measurements.Columns<CriuBench.Measurements.MigrationRecord>;

namespace CriuBench.Measurements;

/// <summary>
/// One migration, one row of migrations.csv. Each member's column, unit and meaning are declared
/// once, in <see cref="Columns"/> below: adding a measure is a member and its line there.
/// Times are milliseconds by the controller's clock unless named Criu*, which are CRIU's own
/// numbers from stats-dump / stats-restore. Nullable values are unknown for that row (a failed
/// phase, or a workload without timestamps).
/// </summary>
public sealed record MigrationRecord
{
    public required string RunId { get; init; }
    public required int Repetition { get; init; }
    public required string Workload { get; init; }
    /// <summary>The workload's own parameters, rendered by <see cref="WorkloadParameters"/>; "" for none.</summary>
    public string Parameters { get; init; } = "";
    public required string Engine { get; init; }
    public required string Strategy { get; init; }
    public string Mode { get; init; } = "cold";
    public required string Source { get; init; }
    public required string Destination { get; init; }
    public string Direction => $"{Source}->{Destination}";
    public required string LinkRate { get; init; }
    public required string HostKind { get; init; }

    /// <summary>The CRIU version the hosts migrated with (`criu --version`; with `run --criu`, the build's); empty in older files.</summary>
    public string CriuVersion { get; init; } = "";

    /// <summary>Its cell's number in the whole suite's plan, from 0 (the same in every shard of the suite); null in older files.</summary>
    public int? Cell { get; init; }

    public required bool Succeeded { get; init; }
    public string? FailureReason { get; init; }
    public required string WorkloadRunsOn { get; init; }

    public double? StopTimeMs { get; init; }
    public double? CheckpointTimeMs { get; init; }
    public double? TransferTimeMs { get; init; }
    public double? RestoreTimeMs { get; init; }
    public double? TotalTimeMs { get; init; }

    public long? ImageBytes { get; init; }
    public long? PageBytes { get; init; }
    public long? TransferredBytes { get; init; }

    /// <summary>First value after the seam minus last value before, minus one: 0 is perfect.</summary>
    public long? CounterGap { get; init; }
    public double? AppDowntimeMs { get; init; }

    public double? CriuFreezingTimeMs { get; init; }
    public double? CriuFrozenTimeMs { get; init; }
    public double? CriuMemdumpTimeMs { get; init; }
    public double? CriuMemwriteTimeMs { get; init; }
    public long? CriuPagesScanned { get; init; }
    public long? CriuPagesWritten { get; init; }
    public double? CriuRestoreTimeMs { get; init; }
    public double? CriuForkingTimeMs { get; init; }
    public long? CriuPagesRestored { get; init; }

    // What the engine's own tools report (podman --print-stats): the engine's whole command, and the runtime's part, which holds CRIU's.
    public double? EngineCheckpointTimeMs { get; init; }
    public double? RuntimeCheckpointTimeMs { get; init; }
    public double? EngineRestoreTimeMs { get; init; }
    public double? RuntimeRestoreTimeMs { get; init; }

    // Live modes: the workload runs on the destination before all of its memory is there.
    public double? AllPagesTimeMs { get; init; }
    public double? MigrationTimeMs { get; init; }
    public long? LazyPages { get; init; }
    public double? PostRestoreStallMs { get; init; }

    public int? Iterations { get; init; }
    public string? StopRule { get; init; }
    public string? StopReason { get; init; }
    public long? LinkBytes { get; init; }

    // Services: what their client (on the client host, never migrated) saw; empty for other workloads.
    public double? ClientDowntimeMs { get; init; }
    public long? ClientFailedRequests { get; init; }
    public int? ConnectionsKept { get; init; }
    public int? ConnectionsTotal { get; init; }
    public double? ClientP99AfterMs { get; init; }
    public string? ClientOutcome { get; init; }

    /// <summary>
    /// migrations.csv, column by column in file order: what the writer writes, the reader reads,
    /// and (where a column names its metric) the summary reduces. Optional columns are those that
    /// files written before them lack.
    /// </summary>
    public static IReadOnlyList<Column<MigrationRecord>> Columns { get; } =
    [
        C.Key("run_id", "The run this migration belongs to", r => r.RunId, (r, v) => r with { RunId = v }),
        C.Count("repetition", "Which repetition of its configuration, from 1", r => r.Repetition, (r, v) => r with { Repetition = v }),
        C.Key("workload", "The workload's name, unique within its suite", r => r.Workload, (r, v) => r with { Workload = v }),
        C.Key("parameters", "The workload's own parameters as key=value pairs joined by ';' (e.g. mib=256;dirty_mib_per_s=50;data=random), empty for none",
            r => r.Parameters, (r, v) => r with { Parameters = WorkloadParameters.Checked(v) }) with { Optional = true },
        C.Key("engine", "What ran and checkpointed the workload: process (CRIU directly), runc, docker, podman", r => r.Engine, (r, v) => r with { Engine = v }),
        C.Key("strategy", "How the images moved to the destination (tar, rsync, page-server, ...)", r => r.Strategy, (r, v) => r with { Strategy = v }),
        C.Key("mode", "How the memory moved (cold: stop and copy; postcopy, precopy, hybrid, ...)", r => r.Mode, (r, v) => r with { Mode = v }) with { Optional = true },
        C.Key("source", "The host the workload left", r => r.Source, (r, v) => r with { Source = v }),
        C.Key("destination", "The host the workload went to", r => r.Destination, (r, v) => r with { Destination = v }),
        C.Derived("direction", "source->destination", r => r.Direction),
        C.Key("link_rate", "The link's shaped rate as given (e.g. 1gbit, unlimited)", r => r.LinkRate, (r, v) => r with { LinkRate = v }),
        C.Key("host_kind", "What the hosts were (lab-netns, vm-qemu, ssh)", r => r.HostKind, (r, v) => r with { HostKind = v }),
        C.Key("criu_version", "The CRIU version the hosts migrated with (criu --version; with run --criu VERSION, that build)",
            r => r.CriuVersion, (r, v) => r with { CriuVersion = v }) with { Optional = true },
        C.Number("cell", "index", "Its cell's number in the whole suite's plan, from 0: the same whichever shard ran it (run --shard), so merged shards keep the plan's order",
            r => r.Cell, (r, v) => r with { Cell = v }) with { Optional = true },
        C.Flag("succeeded", "Whether the workload was seen continuing on the destination", r => r.Succeeded, (r, v) => r with { Succeeded = v }),
        C.Text("failure_reason", "Why it failed, empty when it succeeded", r => r.FailureReason, (r, v) => r with { FailureReason = v }),
        C.Key("workload_runs_on", "Where the workload runs after this migration (the destination, or the source after a fallback)", r => r.WorkloadRunsOn, (r, v) => r with { WorkloadRunsOn = v }),

        C.Number("stop_time_ms", "ms", "From the start of the checkpoint until the restored workload runs", r => r.StopTimeMs, (r, v) => r with { StopTimeMs = v }, "stop_time"),
        C.Number("checkpoint_time_ms", "ms", "criu dump as seen by the controller", r => r.CheckpointTimeMs, (r, v) => r with { CheckpointTimeMs = v }, "checkpoint_time"),
        C.Number("transfer_time_ms", "ms", "Moving the images to the destination", r => r.TransferTimeMs, (r, v) => r with { TransferTimeMs = v }, "transfer_time"),
        C.Number("restore_time_ms", "ms", "criu restore as seen by the controller", r => r.RestoreTimeMs, (r, v) => r with { RestoreTimeMs = v }, "restore_time"),
        C.Number("total_time_ms", "ms", "From preparing the transfer until the workload's output continues", r => r.TotalTimeMs, (r, v) => r with { TotalTimeMs = v }, "total_time"),
        C.Number("image_bytes", "bytes", "All image files", r => r.ImageBytes, (r, v) => r with { ImageBytes = v }, "image_size"),
        C.Number("page_bytes", "bytes", "Memory-page images (pages-*.img)", r => r.PageBytes, (r, v) => r with { PageBytes = v }, "page_size"),
        C.Number("transferred_bytes", "bytes", "Bytes that crossed the link (the transfer step, plus pages a page server or lazy-pages daemon fetched)",
            r => r.TransferredBytes, (r, v) => r with { TransferredBytes = v }, "transferred_bytes"),
        C.Number("counter_gap", "values", "Counter values lost (>0) or repeated (<0) across the seam", r => r.CounterGap, (r, v) => r with { CounterGap = v }, "counter_gap"),
        C.Number("app_downtime_ms", "ms", "Largest gap between the workload's output timestamps around the seam", r => r.AppDowntimeMs, (r, v) => r with { AppDowntimeMs = v }, "app_downtime"),
        C.Number("criu_freezing_time_ms", "ms", "CRIU: freezing the tasks", r => r.CriuFreezingTimeMs, (r, v) => r with { CriuFreezingTimeMs = v }, "criu_freezing_time"),
        C.Number("criu_frozen_time_ms", "ms", "CRIU: tasks kept frozen during the dump", r => r.CriuFrozenTimeMs, (r, v) => r with { CriuFrozenTimeMs = v }, "criu_frozen_time"),
        C.Number("criu_memdump_time_ms", "ms", "CRIU: dumping memory", r => r.CriuMemdumpTimeMs, (r, v) => r with { CriuMemdumpTimeMs = v }, "criu_memdump_time"),
        C.Number("criu_memwrite_time_ms", "ms", "CRIU: writing memory pages", r => r.CriuMemwriteTimeMs, (r, v) => r with { CriuMemwriteTimeMs = v }, "criu_memwrite_time"),
        C.Number("criu_pages_scanned", "pages", "CRIU: pages scanned by the dump", r => r.CriuPagesScanned, (r, v) => r with { CriuPagesScanned = v }),
        C.Number("criu_pages_written", "pages", "CRIU: pages written by the dump", r => r.CriuPagesWritten, (r, v) => r with { CriuPagesWritten = v }, "criu_pages_written"),
        C.Number("criu_restore_time_ms", "ms", "CRIU: whole restore", r => r.CriuRestoreTimeMs, (r, v) => r with { CriuRestoreTimeMs = v }, "criu_restore_time"),
        C.Number("criu_forking_time_ms", "ms", "CRIU: forking the restored tasks", r => r.CriuForkingTimeMs, (r, v) => r with { CriuForkingTimeMs = v }, "criu_forking_time"),
        C.Number("criu_pages_restored", "pages", "CRIU: pages restored", r => r.CriuPagesRestored, (r, v) => r with { CriuPagesRestored = v }, "criu_pages_restored"),

        C.Number("all_pages_time_ms", "ms", "From the start of the dump until the last page arrived on the destination (post-copy)",
            r => r.AllPagesTimeMs, (r, v) => r with { AllPagesTimeMs = v }, "all_pages_time") with { Optional = true },
        // For cold migration it is the stop time, and the crossover reads it so.
        C.Number("migration_time_ms", "ms", "From the start of the dump until the source's dump returned and every page is in (live modes; for cold migration the stop time)",
            r => r.MigrationTimeMs, (r, v) => r with { MigrationTimeMs = v }, "migration_time") with { Optional = true },
        C.Number("lazy_pages", "pages", "Pages fetched after the restore (post-copy)", r => r.LazyPages, (r, v) => r with { LazyPages = v }, "lazy_pages") with { Optional = true },
        C.Number("post_restore_stall_ms", "ms", "Largest gap between the workload's own timestamps after the restore until the last page arrived (post-copy)",
            r => r.PostRestoreStallMs, (r, v) => r with { PostRestoreStallMs = v }, "post_restore_stall") with { Optional = true },
        C.Number("iterations", "rounds", "Pre-copy rounds made before the final dump (files-precopy: its first pass); empty for modes without rounds",
            r => r.Iterations, (r, v) => r with { Iterations = v }) with { Optional = true },
        C.Text("stop_rule", "The pre-copy stop rule (phaul, goal, once)", r => r.StopRule, (r, v) => r with { StopRule = v }) with { Optional = true },
        C.Text("stop_reason", "Why the stop rule stopped the rounds", r => r.StopReason, (r, v) => r with { StopReason = v }) with { Optional = true },
        C.Number("link_bytes", "bytes", "Bytes that crossed the link in the whole migration: every round plus the final transfer, where all are known",
            r => r.LinkBytes, (r, v) => r with { LinkBytes = v }) with { Optional = true },
        C.Number("engine_checkpoint_time_ms", "ms", "The engine's checkpoint as it reports it itself (podman --print-stats: podman_checkpoint_duration), the runtime's and CRIU's included; empty for engines that do not report it",
            r => r.EngineCheckpointTimeMs, (r, v) => r with { EngineCheckpointTimeMs = v }, "engine_checkpoint_time") with { Optional = true },
        C.Number("runtime_checkpoint_time_ms", "ms", "The container runtime's checkpoint (runc checkpoint) as the engine reports it, CRIU's dump included",
            r => r.RuntimeCheckpointTimeMs, (r, v) => r with { RuntimeCheckpointTimeMs = v }, "runtime_checkpoint_time") with { Optional = true },
        C.Number("engine_restore_time_ms", "ms", "The engine's restore as it reports it itself (podman --print-stats: podman_restore_duration), the runtime's and CRIU's included",
            r => r.EngineRestoreTimeMs, (r, v) => r with { EngineRestoreTimeMs = v }, "engine_restore_time") with { Optional = true },
        C.Number("runtime_restore_time_ms", "ms", "The container runtime's restore (runc restore) as the engine reports it, CRIU's restore included",
            r => r.RuntimeRestoreTimeMs, (r, v) => r with { RuntimeRestoreTimeMs = v }, "runtime_restore_time") with { Optional = true },
        C.Number("client_downtime_ms", "ms", "Services: the largest gap between the client's completed requests from just before the checkpoint until 5 s after the restore",
            r => r.ClientDowntimeMs, (r, v) => r with { ClientDowntimeMs = v }, "client_downtime") with { Optional = true },
        C.Number("client_failed_requests", "requests", "Services: requests the client saw fail (errors, resets, timeouts) in that window",
            r => r.ClientFailedRequests, (r, v) => r with { ClientFailedRequests = v }, "client_failed_requests") with { Optional = true },
        C.Number("connections_kept", "connections", "Services: the client's TCP connections that are the same before and after the migration",
            r => r.ConnectionsKept, (r, v) => r with { ConnectionsKept = v }) with { Optional = true },
        C.Number("connections_total", "connections", "Services: the TCP connections the client holds",
            r => r.ConnectionsTotal, (r, v) => r with { ConnectionsTotal = v }) with { Optional = true },
        C.Number("client_p99_after_ms", "ms", "Services: the 99th percentile of the client's request latency in the 5 s after the restore",
            r => r.ClientP99AfterMs, (r, v) => r with { ClientP99AfterMs = v }, "client_tail_latency") with { Optional = true },
        C.Text("client_outcome", "Services: what the client saw (connections kept or reset and reconnected, failed requests)",
            r => r.ClientOutcome, (r, v) => r with { ClientOutcome = v }) with { Optional = true },
    ];

    /// <summary>What a row read from a file starts as before its columns are set: every default, every required member empty.</summary>
    internal static MigrationRecord Blank { get; } = new()
    {
        RunId = "", Repetition = 0, Workload = "", Engine = "", Strategy = "", Source = "", Destination = "",
        LinkRate = "", HostKind = "", Succeeded = false, WorkloadRunsOn = "",
    };
}
