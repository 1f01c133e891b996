namespace CriuBench.Measurements;

/// <summary>Turns migration rows into per-configuration statistics, in an order that is stable across reruns.</summary>
public static class Summarizer
{
    /// <summary>
    /// One <see cref="SummaryRow"/> per configuration and metric with at least one value among the
    /// configuration's successful rows. Configurations are ordered by workload, engine, strategy,
    /// mode and link rate, each in the order it first appears in <paramref name="records"/>; then metrics
    /// in the order of <paramref name="metrics"/> (default <see cref="Metrics.All"/>).
    /// </summary>
    public static IReadOnlyList<SummaryRow> Summarize(IReadOnlyList<MigrationRecord> records, IReadOnlyList<Metric>? metrics = null)
    {
        metrics = Metrics.BindToRun(metrics ?? Metrics.All, records);
        var rows = new List<SummaryRow>();
        foreach (var group in ConfigurationsInOrder(records))
        {
            var key = group.Key;
            var successful = group.Where(r => r.Succeeded).ToList();
            var failures = group.Count(r => !r.Succeeded);
            foreach (var metric in metrics)
            {
                var values = successful.Select(metric.Select).OfType<double>().ToList();
                if (values.Count == 0) continue;
                var s = DescriptiveStatistics.Of(values);
                rows.Add(new SummaryRow(key.Workload, key.Engine, key.Strategy, key.Mode, key.LinkRate, metric.Name, metric.Unit,
                    s.N, failures, s.Median, s.P95, s.Min, s.Max, s.Mean, s.StdDev));
            }
        }
        return rows;
    }

    private static IEnumerable<IGrouping<Configuration, MigrationRecord>> ConfigurationsInOrder(IReadOnlyList<MigrationRecord> records)
    {
        var workloads = FirstAppearance(records, r => r.Workload);
        var engines = FirstAppearance(records, r => r.Engine);
        var strategies = FirstAppearance(records, r => r.Strategy);
        var modes = FirstAppearance(records, r => r.Mode);
        var linkRates = FirstAppearance(records, r => r.LinkRate);
        return records
            .GroupBy(r => new Configuration(r.Workload, r.Engine, r.Strategy, r.Mode, r.LinkRate))
            .OrderBy(g => workloads[g.Key.Workload])
            .ThenBy(g => engines[g.Key.Engine])
            .ThenBy(g => strategies[g.Key.Strategy])
            .ThenBy(g => modes[g.Key.Mode])
            .ThenBy(g => linkRates[g.Key.LinkRate]);
    }

    private static Dictionary<string, int> FirstAppearance(IEnumerable<MigrationRecord> records, Func<MigrationRecord, string> key)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records) order.TryAdd(key(record), order.Count);
        return order;
    }

    private sealed record Configuration(string Workload, string Engine, string Strategy, string Mode, string LinkRate);
}
