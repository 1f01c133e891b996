namespace CriuBench.Measurements;

/// <summary>
/// One migration, one row of migrations.csv. Times are milliseconds by the controller's clock
/// unless named Criu*, which are CRIU's own numbers from stats-dump / stats-restore.
/// Nullable values are unknown for that row (a failed phase, or a workload without timestamps).
/// </summary>
public sealed record MigrationRecord
{
    public required string RunId { get; init; }
    public required int Repetition { get; init; }
    public required string Workload { get; init; }
    public required string Engine { get; init; }
    public required string Strategy { get; init; }
    /// <summary>How the memory moved: cold (stop and copy), postcopy, precopy, hybrid, ...</summary>
    public string Mode { get; init; } = "cold";
    public required string Source { get; init; }
    public required string Destination { get; init; }
    public string Direction => $"{Source}->{Destination}";
    /// <summary>The link's shaped rate as given (e.g. "1gbit", "unlimited").</summary>
    public required string LinkRate { get; init; }
    public required string HostKind { get; init; }

    public required bool Succeeded { get; init; }
    public string? FailureReason { get; init; }
    /// <summary>Where the workload runs after this migration (the destination, or the source after a fallback).</summary>
    public required string WorkloadRunsOn { get; init; }

    /// <summary>From the start of the checkpoint until the restore returns with the workload running.</summary>
    public double? StopTimeMs { get; init; }
    public double? CheckpointTimeMs { get; init; }
    public double? TransferTimeMs { get; init; }
    public double? RestoreTimeMs { get; init; }
    /// <summary>From preparing the transfer until the workload's output is seen continuing.</summary>
    public double? TotalTimeMs { get; init; }

    /// <summary>All image files' bytes.</summary>
    public long? ImageBytes { get; init; }
    /// <summary>Bytes of memory-page images (pages-*.img) within <see cref="ImageBytes"/>.</summary>
    public long? PageBytes { get; init; }
    /// <summary>Bytes that crossed the link in the transfer step (archive size, ...), where known.</summary>
    public long? TransferredBytes { get; init; }

    /// <summary>First value after the seam minus last value before, minus one: 0 is perfect, &gt;0 values lost, &lt;0 values repeated.</summary>
    public long? CounterGap { get; init; }
    /// <summary>Largest gap between consecutive output timestamps around the seam (timestamp workloads only).</summary>
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

    /// <summary>Pre-copy rounds made before the final dump (files-precopy: its first pass); null for modes without rounds.</summary>
    public int? Iterations { get; init; }
    /// <summary>The pre-copy stop rule (phaul, goal, once) and why it stopped the rounds.</summary>
    public string? StopRule { get; init; }
    public string? StopReason { get; init; }
    /// <summary>Bytes that crossed the link in the whole migration: every round plus the final transfer, where all are known.</summary>
    public long? LinkBytes { get; init; }
}
