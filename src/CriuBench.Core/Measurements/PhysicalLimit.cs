using CriuBench.Vocabulary;

namespace CriuBench.Measurements;

/// <summary>
/// The physical limit of a stop-and-copy migration on a shaped link (issue 4): a true lower bound on
/// the stop time, per way the strategy moves its bytes (<see cref="ByteCrossing"/>). Every image
/// byte crosses the link while the workload is stopped, and a restore runs; for a serial copy (and a
/// page server, whose pages cross inside the dump) the restore starts after the last byte, so no
/// stop is shorter than bytes / link rate + the restore floor. A shared filesystem's restore reads
/// across the link while it runs, so the crossing and the restore overlap and only the larger of
/// the two is a bound, not their sum.
/// </summary>
/// <remarks>
/// <para>The restore floor is the workload's fastest restore: the least restore time of any of its
/// successful cold migrations, whatever the strategy (so no measured restore is faster, and no
/// stop-and-copy row scores above 1). Without other rows a row's own restore time is its floor.</para>
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
    /// The bound in ms: bytes / link rate + the restore floor (or, without one, the row's
    /// RestoreTimeMs), or the larger of the two where the strategy's restore reads across the link;
    /// null for an unlimited (or unreadable) link rate and for rows that lack the image size or the restore time.
    /// </summary>
    public static double? StopTimeBoundMs(MigrationRecord record, double? restoreFloorMs = null)
    {
        if (StateBytes(record) is not { } bytes || (restoreFloorMs ?? record.RestoreTimeMs) is not { } restoreMs) return null;
        if (BytesPerSecond(record.LinkRate) is not { } rate) return null;
        return Combine(ByteCrossings.Of(record.Strategy), bytes / rate * 1000, restoreMs);
    }

    /// <summary>The bound from its two terms: their sum where the restore follows the crossing, the larger where they overlap.</summary>
    public static double Combine(ByteCrossing crossing, double linkMs, double restoreFloorMs) => crossing switch
    {
        ByteCrossing.InsideDumpAndRestore => Math.Max(linkMs, restoreFloorMs),
        _ => linkMs + restoreFloorMs,
    };

    /// <summary>Bytes of the workload's checkpointed state: the images, plus the pages a lazy restore fetched afterwards.</summary>
    public static double? StateBytes(MigrationRecord record) =>
        record.ImageBytes is { } bytes ? bytes + (record.LazyPages ?? 0) * PageBytes : null;

    /// <summary>Bytes per page of the pages CRIU's logs count (x86_64).</summary>
    public const long PageBytes = 4096;

    /// <summary>Bound / measured stop time: 1 is as fast as the link allows, 0.1 is ten times slower. Null where either is unknown.</summary>
    public static double? Efficiency(MigrationRecord record, double? restoreFloorMs = null) =>
        StopTimeBoundMs(record, restoreFloorMs) is { } bound && record.StopTimeMs is { } stop && stop > 0 ? bound / stop : null;

    /// <summary>
    /// Per workload and engine: the least restore time of its successful cold rows (of every row
    /// where a workload has no cold migration), whatever the strategy.
    /// </summary>
    public static IReadOnlyDictionary<(string Workload, string Engine), double> RestoreFloors(IEnumerable<MigrationRecord> records) =>
        records.Where(r => r is { Succeeded: true, RestoreTimeMs: not null })
            .GroupBy(r => (r.Workload, r.Engine))
            .ToDictionary(workload => workload.Key, workload => (workload.Any(IsCold) ? workload.Where(IsCold) : workload).Min(r => r.RestoreTimeMs!.Value));

    private static bool IsCold(MigrationRecord r) => r.Mode == ModeNames.Cold;

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
