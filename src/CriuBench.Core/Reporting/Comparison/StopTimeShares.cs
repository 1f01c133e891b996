using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// Where a configuration's stop time goes, from migrations.csv alone: each migration's stop time is
/// split into CRIU's freezing, CRIU's other timed phases (the dump's frozen_time, the restore's
/// restore_time), the container runtime's and the engine's own time where the engine reports them
/// (podman --print-stats: runc's checkpoint and restore outside CRIU's phases, Podman's outside
/// runc's), the checkpoint and restore tools outside all those (starting them and entering the
/// host, CRIU's own set-up and exit, runc's or Docker's work around CRIU where nothing reports it),
/// the transfer (the link's share) and the harness's own time between those phases; each part is
/// then the median over the configuration's migrations. A timed phase counts for at most its
/// command's duration: a post-copy dump stays frozen, serving pages, long after its part of the
/// stop window ended.
/// </summary>
/// <param name="CriuFreezingMs">Median criu_freezing_time: near 100 ms for containers (the cgroup freezer's polling).</param>
/// <param name="CriuMs">Median of frozen_time + restore_time, each within its command.</param>
/// <param name="RuntimeMs">Median of the runtime's reported checkpoint + restore minus CRIU's timed phases in them; 0 where no engine reports it.</param>
/// <param name="EngineMs">Median of the engine's reported checkpoint + restore minus the runtime's; 0 where no engine reports it.</param>
/// <param name="ToolsMs">Median of checkpoint time + restore time minus CRIU's timed phases, the runtime's and the engine's in them.</param>
/// <param name="LinkMs">Median transfer time.</param>
/// <param name="HarnessMs">Median of the stop time minus the checkpoint, transfer and restore commands, never below 0.</param>
internal sealed record StopTimeShares(Configuration Configuration, int Migrations, double StopMs, double CriuFreezingMs, double CriuMs,
    double ToolsMs, double LinkMs, double HarnessMs)
{
    public double RuntimeMs { get; init; }
    public double EngineMs { get; init; }

    /// <summary>Every configuration with successful migrations that carry CRIU's statistics, in the report's order.</summary>
    public static IReadOnlyList<StopTimeShares> Of(ComparisonData data) =>
        data.Configurations.Select(c => For(c, data.Successful(c))).OfType<StopTimeShares>().ToList();

    public static StopTimeShares? For(Configuration configuration, IReadOnlyList<MigrationRecord> rows)
    {
        var parts = rows.Select(Split).OfType<Parts>().ToList();
        if (parts.Count == 0) return null;
        return new StopTimeShares(configuration, parts.Count, Median(parts, p => p.Stop), Median(parts, p => p.Freezing),
            Median(parts, p => p.Criu), Median(parts, p => p.Tools), Median(parts, p => p.Link), Median(parts, p => p.Harness))
        {
            RuntimeMs = Median(parts, p => p.Runtime),
            EngineMs = Median(parts, p => p.Engine),
        };
    }

    private sealed record Parts(double Stop, double Freezing, double Criu, double Runtime, double Engine, double Tools, double Link, double Harness);

    private static Parts? Split(MigrationRecord r)
    {
        if (r is not { StopTimeMs: { } stop, CheckpointTimeMs: { } checkpoint, RestoreTimeMs: { } restore, CriuFrozenTimeMs: { } frozen, CriuRestoreTimeMs: { } restored })
            return null;
        var transfer = r.TransferTimeMs ?? 0;
        var freezing = Math.Min(r.CriuFreezingTimeMs ?? 0, checkpoint);
        var criu = Math.Min(frozen, checkpoint - freezing) + Math.Min(restored, restore);
        // Each reported part within the one around it: CRIU's in the runtime's, the runtime's in the engine's, the engine's in the command's.
        var (runtime, engine) = (0.0, 0.0);
        if (r is { RuntimeCheckpointTimeMs: { } runtimeCheckpoint, RuntimeRestoreTimeMs: { } runtimeRestore })
        {
            var runtimeBoth = Math.Min(runtimeCheckpoint, checkpoint) + Math.Min(runtimeRestore, restore);
            runtime = Math.Max(0, runtimeBoth - freezing - criu);
            if (r is { EngineCheckpointTimeMs: { } engineCheckpoint, EngineRestoreTimeMs: { } engineRestore })
                engine = Math.Max(0, Math.Min(engineCheckpoint, checkpoint) + Math.Min(engineRestore, restore) - Math.Max(runtimeBoth, freezing + criu));
        }
        var tools = Math.Max(0, checkpoint + restore - freezing - criu - runtime - engine);
        return new Parts(stop, freezing, criu, runtime, engine, tools, transfer, Math.Max(0, stop - checkpoint - transfer - restore));
    }

    private static double Median(IReadOnlyList<Parts> parts, Func<Parts, double> part) => DescriptiveStatistics.Of([.. parts.Select(part)]).Median;
}
