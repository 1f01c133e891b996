using CriuBench.Vocabulary;

namespace CriuBench.Measurements;

/// <summary>
/// The physical limit of a stop-and-copy migration on a shaped link (issue 4): every image byte has
/// to cross the link while the workload is stopped, and a restore has to run after that, so no
/// strategy can stop the workload for less than image bytes / link rate + the fastest restore.
/// </summary>
/// <remarks>
/// <para>The restore term is the workload's <see cref="RestoreFloors">restore floor</see>: the least,
/// over strategies, of their median restore time. Using each row's own restore time would count
/// the link crossing twice for a strategy whose restore reads the images across the link (a shared
/// filesystem) and so let it score above 1; the floor is a property of the workload, not of the
/// strategy, as a bound should be. Without other rows a row's own restore time is its floor.</para>
/// <para>The bytes counted are <see cref="MigrationRecord.ImageBytes"/> (all CRIU images). The
/// workload's own files that may travel too (its output log, a few KiB) are negligible and not
/// counted. Post-copy rows hold page-less images; their pages (<see cref="MigrationRecord.LazyPages"/>)
/// count too, so their bound is that of a stop-and-copy of the same memory, which post-copy can
/// beat: it moves the pages after the restore. The restore floor comes from cold migrations only
/// (a lazy restore does not load the memory), where the run has any.</para>
/// </remarks>
public static class PhysicalLimit
{
    /// <summary>
    /// ImageBytes / link rate + the restore floor (or, without one, the row's RestoreTimeMs), in ms;
    /// null for an unlimited (or unreadable) link rate and for rows that lack the image size or the restore time.
    /// </summary>
    public static double? StopTimeBoundMs(MigrationRecord record, double? restoreFloorMs = null)
    {
        if (StateBytes(record) is not { } bytes || (restoreFloorMs ?? record.RestoreTimeMs) is not { } restoreMs) return null;
        return BytesPerSecond(record.LinkRate) is { } rate ? bytes / rate * 1000 + restoreMs : null;
    }

    /// <summary>Bytes of the workload's checkpointed state: the images, plus the pages a lazy restore fetched afterwards.</summary>
    public static double? StateBytes(MigrationRecord record) =>
        record.ImageBytes is { } bytes ? bytes + (record.LazyPages ?? 0) * PageBytes : null;

    /// <summary>Bytes per page of the pages CRIU's logs count (x86_64).</summary>
    public const long PageBytes = 4096;

    /// <summary>Bound / measured stop time: 1 is as fast as the link allows, 0.1 is ten times slower. Null where either is unknown.</summary>
    public static double? Efficiency(MigrationRecord record, double? restoreFloorMs = null) =>
        StopTimeBoundMs(record, restoreFloorMs) is { } bound && record.StopTimeMs is { } stop && stop > 0 ? bound / stop : null;

    /// <summary>
    /// Per workload and engine: the least of the strategies' median restore times, over successful
    /// cold rows (every row's where a workload has no cold migration).
    /// </summary>
    public static IReadOnlyDictionary<(string Workload, string Engine), double> RestoreFloors(IEnumerable<MigrationRecord> records) =>
        records.Where(r => r is { Succeeded: true, RestoreTimeMs: not null })
            .GroupBy(r => (r.Workload, r.Engine))
            .ToDictionary(workload => workload.Key, workload => Floor(workload.Any(IsCold) ? workload.Where(IsCold) : workload));

    private static bool IsCold(MigrationRecord r) => r.Mode == ModeNames.Cold;

    private static double Floor(IEnumerable<MigrationRecord> rows) =>
        rows.GroupBy(r => (r.Strategy, r.Mode)).Min(configuration => DescriptiveStatistics.Of(configuration.Select(r => r.RestoreTimeMs!.Value).ToList()).Median);

    /// <summary>The link rate in bytes per second; null when unlimited or not a rate <see cref="LinkRate.Parse"/> reads (an old or hand-edited CSV).</summary>
    public static double? BytesPerSecond(string linkRate)
    {
        try
        {
            return LinkRate.Parse(linkRate).BytesPerSecond;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
