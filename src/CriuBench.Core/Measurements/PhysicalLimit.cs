using CriuBench.Lab;

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
/// counted. Lazy (post-copy) strategies move pages after the restore and can beat the bound.</para>
/// </remarks>
public static class PhysicalLimit
{
    /// <summary>
    /// ImageBytes / link rate + the restore floor (or, without one, the row's RestoreTimeMs), in ms;
    /// null for an unlimited (or unreadable) link rate and for rows that lack the image size or the restore time.
    /// </summary>
    public static double? StopTimeBoundMs(MigrationRecord record, double? restoreFloorMs = null)
    {
        if (record.ImageBytes is not { } bytes || (restoreFloorMs ?? record.RestoreTimeMs) is not { } restoreMs) return null;
        return BytesPerSecond(record.LinkRate) is { } rate ? bytes / rate * 1000 + restoreMs : null;
    }

    /// <summary>Bound / measured stop time: 1 is as fast as the link allows, 0.1 is ten times slower. Null where either is unknown.</summary>
    public static double? Efficiency(MigrationRecord record, double? restoreFloorMs = null) =>
        StopTimeBoundMs(record, restoreFloorMs) is { } bound && record.StopTimeMs is { } stop && stop > 0 ? bound / stop : null;

    /// <summary>Per workload and engine: the least of the strategies' median restore times, over successful rows.</summary>
    public static IReadOnlyDictionary<(string Workload, string Engine), double> RestoreFloors(IEnumerable<MigrationRecord> records) =>
        records.Where(r => r is { Succeeded: true, RestoreTimeMs: not null })
            .GroupBy(r => (r.Workload, r.Engine))
            .ToDictionary(
                workload => workload.Key,
                workload => workload.GroupBy(r => r.Strategy)
                    .Min(strategy => DescriptiveStatistics.Of(strategy.Select(r => r.RestoreTimeMs!.Value).ToList()).Median));

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
