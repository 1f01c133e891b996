using CriuBench.Criu;
using CriuBench.Transfer;
using CriuBench.Workloads.Output;

namespace CriuBench.Timeline;

/// <summary>
/// Places what was measured elsewhere on the run's clock, anchored to the harness's own phases of
/// the same migration: CRIU's phases from its statistics (which carry durations, not times), the
/// transfer's steps, and the workload's own timestamps around the seam.
/// </summary>
public static class MeasuredSteps
{
    /// <summary>
    /// CRIU's dump phases end where the checkpoint phase ended (CRIU kills or resumes the tasks at
    /// the end of frozen_time, then exits), memdump and memwrite run inside frozen; the restore's
    /// time ends where the restore phase ended, its forking at the start of it.
    /// </summary>
    public static void PlaceCriu(MigrationTimeline timeline, string migration, CriuStatistics stats)
    {
        if (stats.Dump is { } dump && Phase(timeline, migration, "checkpoint") is { } checkpoint)
        {
            var frozenStart = checkpoint.EndUs - Us(dump.FrozenTime);
            Criu(timeline, migration, checkpoint.Host, "freezing", frozenStart - Us(dump.FreezingTime), Us(dump.FreezingTime));
            Criu(timeline, migration, checkpoint.Host, "frozen", frozenStart, Us(dump.FrozenTime));
            Criu(timeline, migration, checkpoint.Host, "memdump", frozenStart, Us(dump.MemdumpTime));
            Criu(timeline, migration, checkpoint.Host, "memwrite", frozenStart + Us(dump.MemdumpTime), Us(dump.MemwriteTime));
        }
        if (stats.Restore is { } restore && Phase(timeline, migration, "restore") is { } restored)
        {
            var restoreStart = restored.EndUs - Us(restore.RestoreTime);
            Criu(timeline, migration, restored.Host, "restore", restoreStart, Us(restore.RestoreTime));
            Criu(timeline, migration, restored.Host, "forking", restoreStart, Us(restore.ForkingTime));
        }
    }

    /// <summary>On CRIU's track, with the host it ran on (the trace puts it inside that host's CRIU command).</summary>
    private static void Criu(MigrationTimeline timeline, string migration, string? host, string name, double startUs, double durationUs) =>
        timeline.Add(new TimelineSpan(migration, Tracks.Criu, name, "criu", startUs, durationUs, Host: host));

    /// <summary>Each step where it started within the transfer phase (back to back where a strategy did not say).</summary>
    public static void PlaceTransfer(MigrationTimeline timeline, string migration, TransferOutcome moved)
    {
        if (Phase(timeline, migration, "transfer") is not { } transfer) return;
        var next = transfer.StartUs;
        foreach (var step in moved.Steps)
        {
            var start = step.Offset is { } offset ? transfer.StartUs + Us(offset) : next;
            timeline.Add(migration, Tracks.Transfer, step.Name, "transfer", start, Us(step.Duration));
            next = start + Us(step.Duration);
        }
    }

    /// <summary>The stop window as one span: from the checkpoint's start until the restore returned.</summary>
    public static void PlaceStopWindow(MigrationTimeline timeline, string migration)
    {
        if (Phase(timeline, migration, "checkpoint") is { } checkpoint && Phase(timeline, migration, "restore") is { } restored)
            timeline.Add(migration, Tracks.Phases, "stopped", "phase", checkpoint.StartUs, restored.EndUs - checkpoint.StartUs);
    }

    /// <summary>The workload's last line before the seam and first after it, by its own clock (timestamp workloads only).</summary>
    public static void PlaceSeam(MigrationTimeline timeline, string migration, SeamReport seam)
    {
        // The last line was printed on the host the checkpoint stopped, the first on the one the restore started.
        if (seam.LastBeforeUnixNs is { } last)
            timeline.Add(new TimelineSpan(migration, Tracks.Workload, $"last line before ({seam.LastBefore})", "workload", timeline.Clock.FromUnixNs(last), 0,
                Instant: true, Host: Phase(timeline, migration, "checkpoint")?.Host));
        if (seam.FirstAfterUnixNs is { } first)
            timeline.Add(new TimelineSpan(migration, Tracks.Workload, $"first line after ({seam.FirstAfter})", "workload", timeline.Clock.FromUnixNs(first), 0,
                Instant: true, Host: Phase(timeline, migration, "restore")?.Host));
    }

    private static TimelineSpan? Phase(MigrationTimeline timeline, string migration, string name) =>
        timeline.Spans.LastOrDefault(span => span.Migration == migration && span.Track == Tracks.Phases && span.Name == name);

    private static double Us(TimeSpan time) => time.TotalMicroseconds;
}
