using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// Where a configuration's stop time goes, from migrations.csv alone: each migration's stop time is
/// split into CRIU's freezing, CRIU's other timed phases (the dump's frozen_time, the restore's
/// restore_time), the checkpoint and restore tools outside those phases (starting them and
/// entering the host, CRIU's own set-up and exit, runc's or Docker's work around CRIU), the
/// transfer (the link's share) and the harness's own time between those phases; each part is
/// then the median over the configuration's migrations. A timed phase counts for at most its
/// command's duration: a post-copy dump stays frozen, serving pages, long after its part of the
/// stop window ended.
/// </summary>
/// <param name="CriuFreezingMs">Median criu_freezing_time: near 100 ms for containers (the cgroup freezer's polling).</param>
/// <param name="CriuMs">Median of frozen_time + restore_time, each within its command.</param>
/// <param name="ToolsMs">Median of checkpoint time + restore time minus CRIU's timed phases in them.</param>
/// <param name="LinkMs">Median transfer time.</param>
/// <param name="HarnessMs">Median of the stop time minus the checkpoint, transfer and restore commands, never below 0.</param>
internal sealed record StopTimeShares(Configuration Configuration, int Migrations, double StopMs, double CriuFreezingMs, double CriuMs,
    double ToolsMs, double LinkMs, double HarnessMs)
{
    /// <summary>Every configuration with successful migrations that carry CRIU's statistics, in the report's order.</summary>
    public static IReadOnlyList<StopTimeShares> Of(ComparisonData data) =>
        data.Configurations.Select(c => For(c, data.Successful(c))).OfType<StopTimeShares>().ToList();

    public static StopTimeShares? For(Configuration configuration, IReadOnlyList<MigrationRecord> rows)
    {
        var parts = rows.Select(Split).OfType<Parts>().ToList();
        if (parts.Count == 0) return null;
        return new StopTimeShares(configuration, parts.Count, Median(parts, p => p.Stop), Median(parts, p => p.Freezing),
            Median(parts, p => p.Criu), Median(parts, p => p.Tools), Median(parts, p => p.Link), Median(parts, p => p.Harness));
    }

    private sealed record Parts(double Stop, double Freezing, double Criu, double Tools, double Link, double Harness);

    private static Parts? Split(MigrationRecord r)
    {
        if (r is not { StopTimeMs: { } stop, CheckpointTimeMs: { } checkpoint, RestoreTimeMs: { } restore, CriuFrozenTimeMs: { } frozen, CriuRestoreTimeMs: { } restored })
            return null;
        var transfer = r.TransferTimeMs ?? 0;
        var freezing = Math.Min(r.CriuFreezingTimeMs ?? 0, checkpoint);
        var criu = Math.Min(frozen, checkpoint - freezing) + Math.Min(restored, restore);
        var tools = checkpoint + restore - freezing - criu;
        return new Parts(stop, freezing, criu, tools, transfer, Math.Max(0, stop - checkpoint - transfer - restore));
    }

    private static double Median(IReadOnlyList<Parts> parts, Func<Parts, double> part) => DescriptiveStatistics.Of([.. parts.Select(part)]).Median;
}
