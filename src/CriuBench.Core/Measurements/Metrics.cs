namespace CriuBench.Measurements;

/// <summary>
/// Every metric CriuBench summarises, in the order reports list them: each column of
/// <see cref="MigrationRecord.Columns"/> that names a metric, in file order, then the ones derived
/// from a whole row. The named ones below are those the reports pick by name.
/// </summary>
public static class Metrics
{
    /// <summary>Derived from the row rather than stored in migrations.csv, so older files get them too.</summary>
    private static readonly Metric[] Derived =
    [
        new("stop_time_bound", "ms",
            "Lower bound of the stop time: image bytes / link rate + the workload's fastest restore (the larger of the two for a shared filesystem, whose restore reads across the link); none on an unlimited link",
            r => PhysicalLimit.StopTimeBoundMs(r)),
        new("efficiency", "ratio", "stop_time_bound / stop_time: 1 means as fast as the link allows", r => PhysicalLimit.Efficiency(r)),
    ];

    public static IReadOnlyList<Metric> All { get; } =
        [.. MigrationRecord.Columns.Where(c => c.Metric is not null).Select(Metric.Of), .. Derived];

    public static Metric StopTime { get; } = Named("stop_time");
    public static Metric CheckpointTime { get; } = Named("checkpoint_time");
    public static Metric TransferTime { get; } = Named("transfer_time");
    public static Metric RestoreTime { get; } = Named("restore_time");
    public static Metric TotalTime { get; } = Named("total_time");
    public static Metric ImageSize { get; } = Named("image_size");
    public static Metric PageSize { get; } = Named("page_size");
    public static Metric TransferredBytes { get; } = Named("transferred_bytes");
    public static Metric CounterGap { get; } = Named("counter_gap");
    public static Metric AppDowntime { get; } = Named("app_downtime");
    public static Metric CriuFreezingTime { get; } = Named("criu_freezing_time");
    public static Metric CriuFrozenTime { get; } = Named("criu_frozen_time");
    public static Metric CriuMemdumpTime { get; } = Named("criu_memdump_time");
    public static Metric CriuMemwriteTime { get; } = Named("criu_memwrite_time");
    public static Metric CriuPagesWritten { get; } = Named("criu_pages_written");
    public static Metric CriuRestoreTime { get; } = Named("criu_restore_time");
    public static Metric CriuForkingTime { get; } = Named("criu_forking_time");
    public static Metric CriuPagesRestored { get; } = Named("criu_pages_restored");
    public static Metric AllPagesTime { get; } = Named("all_pages_time");
    public static Metric MigrationTime { get; } = Named("migration_time");
    public static Metric LazyPages { get; } = Named("lazy_pages");
    public static Metric PostRestoreStall { get; } = Named("post_restore_stall");
    public static Metric StopTimeBound { get; } = Named("stop_time_bound");
    public static Metric Efficiency { get; } = Named("efficiency");

    /// <summary>Not summarised (cold rows would repeat image_size): the physical-limit table reads it from the rows.</summary>
    public static Metric StateSize { get; } = new("state_size", "bytes",
        "All image files plus the pages a lazy restore fetched afterwards: the memory a stop-and-copy migration would move", r => PhysicalLimit.StateBytes(r));

    /// <summary>
    /// <paramref name="metrics"/> with the bound and the efficiency computed against the restore
    /// floors of <paramref name="records"/> (see <see cref="PhysicalLimit"/>); the others unchanged.
    /// </summary>
    public static IReadOnlyList<Metric> BindToRun(IReadOnlyList<Metric> metrics, IReadOnlyList<MigrationRecord> records)
    {
        var floors = PhysicalLimit.RestoreFloors(records);
        double? Floor(MigrationRecord r) => floors.TryGetValue((r.Workload, r.Engine), out var floor) ? floor : null;
        return metrics.Select(metric => metric.Name switch
        {
            "stop_time_bound" => metric with { Select = r => PhysicalLimit.StopTimeBoundMs(r, Floor(r)) },
            "efficiency" => metric with { Select = r => PhysicalLimit.Efficiency(r, Floor(r)) },
            _ => metric,
        }).ToList();
    }

    public static Metric Named(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no metric named '{name}'", nameof(name));
}
