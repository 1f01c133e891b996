using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>One mode (with its strategy) on one memory size at one link rate, over the dirty rates it ran.</summary>
internal sealed record CrossoverSeries(string LinkRate, int MiB, string? Data, string Label, string Strategy, IReadOnlyList<CrossoverPoint> Points);

/// <summary>Medians of one configuration at one dirty rate; null where the rows do not know them.</summary>
internal sealed record CrossoverPoint(int DirtyRate, double StopMs, double? AppDowntimeMs, double? MigrationMs, double? AllPagesMs, double? StallMs, double? StallMaxMs);

/// <summary>
/// The crossover (issue 8): the configurations of workloads with memory parameters (<see cref="MemoryParameters"/>),
/// as series over their dirty rate, one per mode and strategy, for each memory size
/// and link rate that ran at two dirty rates or more.
/// </summary>
internal static class Crossover
{
    public static IReadOnlyList<CrossoverSeries> Of(ComparisonData data)
    {
        var points = new List<(string LinkRate, int MiB, string? Data, string Label, string Strategy, CrossoverPoint Point)>();
        foreach (var c in data.Configurations)
        {
            if (MemoryParameters.Of(data.Parameters(c.Workload)) is not { } name) continue;
            if (data.Row(c, Metrics.StopTime) is not { } stop) continue;
            points.Add((c.LinkRate, name.MiB, name.Data, data.Label(c), c.Strategy, new CrossoverPoint(name.DirtyRate, stop.Median,
                data.Row(c, Metrics.AppDowntime)?.Median, data.Row(c, Metrics.MigrationTime)?.Median ?? (c.IsCold ? stop.Median : null),
                data.Row(c, Metrics.AllPagesTime)?.Median, data.Row(c, Metrics.PostRestoreStall)?.Median, data.Row(c, Metrics.PostRestoreStall)?.Max)));
        }
        var labels = points.Select(p => p.Label).Distinct().ToList();
        var sizes = points.GroupBy(p => (p.LinkRate, p.MiB, p.Data)).Where(g => g.Select(p => p.Point.DirtyRate).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        return points
            .Where(p => sizes.Contains((p.LinkRate, p.MiB, p.Data)))
            .GroupBy(p => (p.LinkRate, p.MiB, p.Data, p.Label, p.Strategy))
            .OrderBy(g => data.LinkRates.ToList().IndexOf(g.Key.LinkRate))
            .ThenBy(g => g.Key.MiB)
            .ThenBy(g => g.Key.Data, StringComparer.Ordinal)
            .ThenBy(g => labels.IndexOf(g.Key.Label))
            .Select(g => new CrossoverSeries(g.Key.LinkRate, g.Key.MiB, g.Key.Data, g.Key.Label, g.Key.Strategy, g.Select(p => p.Point).OrderBy(p => p.DirtyRate).ToList()))
            .ToList();
    }
}
