namespace CriuBench.Measurements;

/// <summary>Every metric CriuBench summarises, in the order reports list them.</summary>
public static class Metrics
{
    public static Metric StopTime { get; } = new("stop_time", "ms", "From the start of the checkpoint until the restored workload runs", r => r.StopTimeMs);
    public static Metric CheckpointTime { get; } = new("checkpoint_time", "ms", "criu dump as seen by the controller", r => r.CheckpointTimeMs);
    public static Metric TransferTime { get; } = new("transfer_time", "ms", "Moving the images to the destination", r => r.TransferTimeMs);
    public static Metric RestoreTime { get; } = new("restore_time", "ms", "criu restore as seen by the controller", r => r.RestoreTimeMs);
    public static Metric TotalTime { get; } = new("total_time", "ms", "From preparing the transfer until the workload's output continues", r => r.TotalTimeMs);
    public static Metric ImageSize { get; } = new("image_size", "bytes", "All image files", r => r.ImageBytes);
    /// <summary>Not summarised (cold rows would repeat image_size): the physical-limit table reads it from the rows.</summary>
    public static Metric StateSize { get; } = new("state_size", "bytes", "All image files plus the pages a lazy restore fetched afterwards: the memory a stop-and-copy migration would move", r => PhysicalLimit.StateBytes(r));
    public static Metric PageSize { get; } = new("page_size", "bytes", "Memory-page images (pages-*.img)", r => r.PageBytes);
    public static Metric TransferredBytes { get; } = new("transferred_bytes", "bytes", "Bytes that crossed the link (the transfer step, plus pages a page server or lazy-pages daemon fetched)", r => r.TransferredBytes);
    public static Metric CounterGap { get; } = new("counter_gap", "values", "Counter values lost (>0) or repeated (<0) across the seam", r => r.CounterGap);
    public static Metric AppDowntime { get; } = new("app_downtime", "ms", "Largest gap between the workload's output timestamps around the seam", r => r.AppDowntimeMs);
    public static Metric CriuFreezingTime { get; } = new("criu_freezing_time", "ms", "CRIU: freezing the tasks", r => r.CriuFreezingTimeMs);
    public static Metric CriuFrozenTime { get; } = new("criu_frozen_time", "ms", "CRIU: tasks kept frozen during the dump", r => r.CriuFrozenTimeMs);
    public static Metric CriuMemdumpTime { get; } = new("criu_memdump_time", "ms", "CRIU: dumping memory", r => r.CriuMemdumpTimeMs);
    public static Metric CriuMemwriteTime { get; } = new("criu_memwrite_time", "ms", "CRIU: writing memory pages", r => r.CriuMemwriteTimeMs);
    public static Metric CriuPagesWritten { get; } = new("criu_pages_written", "pages", "CRIU: pages written by the dump", r => r.CriuPagesWritten);
    public static Metric CriuRestoreTime { get; } = new("criu_restore_time", "ms", "CRIU: whole restore", r => r.CriuRestoreTimeMs);
    public static Metric CriuForkingTime { get; } = new("criu_forking_time", "ms", "CRIU: forking the restored tasks", r => r.CriuForkingTimeMs);
    public static Metric CriuPagesRestored { get; } = new("criu_pages_restored", "pages", "CRIU: pages restored", r => r.CriuPagesRestored);

    // Live modes: the workload runs on the destination before all of its memory is there.
    public static Metric AllPagesTime { get; } = new("all_pages_time", "ms", "From the start of the dump until the last page arrived on the destination (post-copy)", r => r.AllPagesTimeMs);
    /// <summary>Live modes only: for cold migration it is the stop time, and the crossover reads it so (a column here would repeat stop_time).</summary>
    public static Metric MigrationTime { get; } = new("migration_time", "ms",
        "From the start of the dump until the source's dump returned and every page is in (live modes; for cold migration the stop time)", r => r.MigrationTimeMs);
    public static Metric LazyPages { get; } = new("lazy_pages", "pages", "Pages fetched after the restore (post-copy)", r => r.LazyPages);
    public static Metric PostRestoreStall { get; } = new("post_restore_stall", "ms",
        "Largest gap between the workload's own timestamps after the restore until the last page arrived (post-copy)", r => r.PostRestoreStallMs);

    // Derived from the row rather than stored in migrations.csv, so older files get them too.
    public static Metric StopTimeBound { get; } = new("stop_time_bound", "ms",
        "Physical limit: image bytes / link rate + the workload's fastest restore by any strategy (the workload's own small files are negligible and not counted); none on an unlimited link",
        r => PhysicalLimit.StopTimeBoundMs(r));
    public static Metric Efficiency { get; } = new("efficiency", "ratio", "stop_time_bound / stop_time: 1 means as fast as the link allows", r => PhysicalLimit.Efficiency(r));

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

    public static IReadOnlyList<Metric> All { get; } =
    [
        StopTime, CheckpointTime, TransferTime, RestoreTime, TotalTime,
        ImageSize, PageSize, TransferredBytes,
        CounterGap, AppDowntime,
        CriuFreezingTime, CriuFrozenTime, CriuMemdumpTime, CriuMemwriteTime, CriuPagesWritten,
        CriuRestoreTime, CriuForkingTime, CriuPagesRestored,
        AllPagesTime, MigrationTime, LazyPages, PostRestoreStall,
        StopTimeBound, Efficiency,
    ];

    public static Metric Named(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no metric named '{name}'", nameof(name));
}
