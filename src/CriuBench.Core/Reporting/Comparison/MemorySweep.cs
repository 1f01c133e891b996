using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>One line of the memory sweep: a strategy (and dirty rate) at a link rate, over the memory sizes it ran.</summary>
/// <param name="Points">By size: N (MiB), median stop time (ms), median image size (bytes, when known).</param>
internal sealed record SweepSeries(string LinkRate, string Label, string Strategy, IReadOnlyList<(int MiB, double StopMs, double? ImageBytes)> Points)
{
    /// <summary>Least-squares slope of median stop time against N in ms per MiB; null with fewer than two sizes.</summary>
    public double? SlopeMsPerMiB
    {
        get
        {
            if (Points.Count < 2) return null;
            var meanX = Points.Average(p => (double)p.MiB);
            var meanY = Points.Average(p => p.StopMs);
            var sxx = Points.Sum(p => (p.MiB - meanX) * (p.MiB - meanX));
            return sxx == 0 ? null : Points.Sum(p => (p.MiB - meanX) * (p.StopMs - meanY)) / sxx;
        }
    }
}

/// <summary>The memory sweep (issue 3): workloads whose parameters give their memory size N (<see cref="MemoryParameters"/>), as series over N.</summary>
internal static class MemorySweep
{
    /// <summary>Series in the order link rates, then strategies (and dirty rates) first appear; points by size.</summary>
    public static IReadOnlyList<SweepSeries> Of(ComparisonData data)
    {
        var points = new List<(string LinkRate, string Label, string Strategy, int MiB, double StopMs, double? ImageBytes)>();
        // The engine is named only where the swept workloads ran under several.
        var withEngine = data.Configurations.Where(c => MemoryParameters.Of(data.Parameters(c.Workload)) is not null).Select(c => c.Engine).Distinct().Count() > 1;
        foreach (var c in data.Configurations)
        {
            if (MemoryParameters.Of(data.Parameters(c.Workload)) is not { } name) continue;
            if (data.Row(c, Metrics.StopTime) is not { } stop) continue;
            var label = name.Variant.Length == 0 ? data.Label(c, withEngine) : $"{data.Label(c, withEngine)} {name.Variant}";
            points.Add((c.LinkRate, label, c.Strategy, name.MiB, stop.Median, data.Row(c, Metrics.ImageSize)?.Median));
        }
        var labels = points.Select(p => p.Label).Distinct().ToList();
        return points
            .GroupBy(p => (p.LinkRate, p.Label, p.Strategy))
            .OrderBy(g => data.LinkRates.ToList().IndexOf(g.Key.LinkRate))
            .ThenBy(g => labels.IndexOf(g.Key.Label))
            .Select(g => new SweepSeries(g.Key.LinkRate, g.Key.Label, g.Key.Strategy, g.OrderBy(p => p.MiB).Select(p => (p.MiB, p.StopMs, p.ImageBytes)).ToList()))
            .ToList();
    }

    /// <summary>How long the link alone needs per MiB, in ms; null when unlimited.</summary>
    public static double? LinkMsPerMiB(string linkRate) =>
        PhysicalLimit.BytesPerSecond(linkRate) is { } rate ? 1024 * 1024 / rate * 1000 : null;
}
