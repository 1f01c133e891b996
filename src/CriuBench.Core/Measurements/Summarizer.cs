namespace CriuBench.Measurements;

/// <summary>Turns migration rows into per-configuration statistics, in an order that is stable across reruns.</summary>
public static class Summarizer
{
    /// <summary>
    /// One <see cref="SummaryRow"/> per configuration and metric with at least one value among the
    /// configuration's successful rows. Configurations in <see cref="Configuration.InOrder"/>; then
    /// metrics in the order of <paramref name="metrics"/> (default <see cref="Metrics.All"/>).
    /// </summary>
    public static IReadOnlyList<SummaryRow> Summarize(IReadOnlyList<MigrationRecord> records, IReadOnlyList<Metric>? metrics = null)
    {
        metrics = Metrics.BindToRun(metrics ?? Metrics.All, records);
        var rows = new List<SummaryRow>();
        foreach (var group in Configuration.InOrder(records))
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
                    s.N, failures, s.Median, s.P95, s.Min, s.Max, s.Mean, s.StdDev, group.First().Parameters));
            }
        }
        return rows;
    }
}
