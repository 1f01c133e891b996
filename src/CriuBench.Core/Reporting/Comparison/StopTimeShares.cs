using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// Where a configuration's median stop time goes, from migrations.csv alone: CRIU's freezing,
/// CRIU's own frozen_time + restore_time, the transfer (the link's share), and the rest (the
/// harness's share: starting commands, entering namespaces, CRIU starting and exiting).
/// </summary>
/// <param name="CriuFreezingMs">Median criu_freezing_time: before frozen_time; near 100 ms for containers (the cgroup freezer's polling).</param>
/// <param name="CriuMs">Median of criu_frozen_time + criu_restore_time per migration.</param>
/// <param name="LinkMs">Median transfer time.</param>
/// <param name="HarnessMs">Median stop time minus the shares above, never below 0.</param>
internal sealed record StopTimeShares(Configuration Configuration, int Migrations, double StopMs, double CriuFreezingMs, double CriuMs, double LinkMs, double HarnessMs)
{
    /// <summary>Every configuration with successful migrations that carry CRIU's statistics, in the report's order.</summary>
    public static IReadOnlyList<StopTimeShares> Of(ComparisonData data) =>
        data.Configurations.Select(c => For(c, data.Successful(c))).OfType<StopTimeShares>().ToList();

    public static StopTimeShares? For(Configuration configuration, IReadOnlyList<MigrationRecord> rows)
    {
        var complete = rows.Where(r => r.StopTimeMs is not null && r.CriuFrozenTimeMs is not null && r.CriuRestoreTimeMs is not null).ToList();
        if (complete.Count == 0) return null;
        var stop = Median(complete.Select(r => r.StopTimeMs!.Value));
        var freezing = Median(complete.Select(r => r.CriuFreezingTimeMs ?? 0));
        var criu = Median(complete.Select(r => r.CriuFrozenTimeMs!.Value + r.CriuRestoreTimeMs!.Value));
        var link = Median(complete.Select(r => r.TransferTimeMs ?? 0));
        return new StopTimeShares(configuration, complete.Count, stop, freezing, criu, link, Math.Max(0, stop - freezing - criu - link));
    }

    private static double Median(IEnumerable<double> values) => DescriptiveStatistics.Of([.. values]).Median;
}
