using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// CRIU's own frozen_time + restore_time against the harness's stop time of the same migration
/// (issue 3). The harness's stop time also holds starting and ending criu, and the transfer, so
/// CRIU's sum must be smaller: a migration where it is not is flagged.
/// </summary>
internal static class CriuCrossCheck
{
    /// <summary>Engines that freeze through the cgroup freezer, which CRIU polls every 100 ms.</summary>
    public static IReadOnlySet<string> ContainerEngines { get; } = new HashSet<string>(StringComparer.Ordinal) { "runc", "docker", "podman" };

    /// <summary>A container's freezing time this close to 100 ms is the freezer's polling, not the workload.</summary>
    public const double FreezerPollMs = 100;
    public const double NearPollMs = 20;

    public sealed record Migration(MigrationRecord Record, double CriuSumMs, double StopMs)
    {
        /// <summary>Harness stop time minus CRIU's sum: CRIU's own start and exit, the transfer, the harness (positive as it should be).</summary>
        public double MarginMs => StopMs - CriuSumMs;
        public bool CriuExceedsHarness => CriuSumMs > StopMs;
    }

    public sealed record Check(Configuration Configuration, IReadOnlyList<Migration> Migrations, double? FreezingMedianMs)
    {
        public bool IsContainer => ContainerEngines.Contains(Configuration.Engine);
        public bool FreezingNearPoll => IsContainer && FreezingMedianMs is { } f && Math.Abs(f - FreezerPollMs) <= NearPollMs;
    }

    /// <summary>
    /// One check per cold configuration whose successful migrations have CRIU's times and the stop
    /// time. Live modes are left out: a post-copy source stays frozen until its last page is served,
    /// after the restore, so its frozen time rightly exceeds the stop time.
    /// </summary>
    public static IReadOnlyList<Check> Of(ComparisonData data) =>
        data.Configurations
            .Where(c => c.IsCold)
            .Select(c => new Check(c,
                data.Successful(c)
                    .Where(r => r is { CriuFrozenTimeMs: not null, CriuRestoreTimeMs: not null, StopTimeMs: not null })
                    .Select(r => new Migration(r, r.CriuFrozenTimeMs!.Value + r.CriuRestoreTimeMs!.Value, r.StopTimeMs!.Value))
                    .ToList(),
                data.Row(c, Metrics.CriuFreezingTime)?.Median))
            .Where(check => check.Migrations.Count > 0)
            .ToList();
}
