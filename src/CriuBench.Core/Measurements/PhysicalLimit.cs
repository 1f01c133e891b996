using CriuBench.Lab;

namespace CriuBench.Measurements;

/// <summary>
/// The physical limit of a stop-and-copy migration on a shaped link (issue 4): every image byte has
/// to cross the link while the workload is stopped, and the restore has to run after that, so no
/// strategy can stop the workload for less than image bytes / link rate + restore time.
/// </summary>
/// <remarks>
/// The bytes counted are <see cref="MigrationRecord.ImageBytes"/> (all CRIU images). The workload's
/// own files that may travel too (its output log, a few KiB) are negligible and not counted. Lazy
/// (post-copy) strategies move pages after the restore and can therefore beat the bound.
/// </remarks>
public static class PhysicalLimit
{
    /// <summary>
    /// ImageBytes / link rate + RestoreTimeMs, in ms; null for an unlimited (or unreadable) link rate
    /// and for rows that lack the image size or the restore time.
    /// </summary>
    public static double? StopTimeBoundMs(MigrationRecord record)
    {
        if (record.ImageBytes is not { } bytes || record.RestoreTimeMs is not { } restoreMs) return null;
        return BytesPerSecond(record.LinkRate) is { } rate ? bytes / rate * 1000 + restoreMs : null;
    }

    /// <summary>Bound / measured stop time: 1 is as fast as the link allows, 0.1 is ten times slower. Null where either is unknown.</summary>
    public static double? Efficiency(MigrationRecord record) =>
        StopTimeBoundMs(record) is { } bound && record.StopTimeMs is { } stop && stop > 0 ? bound / stop : null;

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
