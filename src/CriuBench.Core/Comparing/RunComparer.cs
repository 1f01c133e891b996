using CriuBench.Measurements;

namespace CriuBench.Comparing;

/// <summary>
/// Puts two runs side by side, configuration by configuration (workload, engine, strategy, mode,
/// link rate; <see cref="Configuration"/>), over their successful migrations. A change is
/// significant when the two-sided Mann–Whitney test rejects "same distribution" at
/// <see cref="Alpha"/>. The gate: a configuration regresses when its stop time is significantly
/// larger in NEW and its ratio of medians exceeds 1 + threshold, or when all its migrations fail in
/// NEW while some succeeded in BASE. Other metrics are shown, not gated on.
/// </summary>
public static class RunComparer
{
    public const double Alpha = 0.05;

    public const double DefaultThreshold = 0.05;

    /// <summary>The metrics compared by default: the window and its parts, and what the workload saw.</summary>
    public static IReadOnlyList<Metric> DefaultMetrics { get; } =
        [Metrics.StopTime, Metrics.CheckpointTime, Metrics.TransferTime, Metrics.RestoreTime, Metrics.AppDowntime];

    public static RunComparison Compare(ComparedRun baseRun, ComparedRun newRun, double threshold = DefaultThreshold, IReadOnlyList<Metric>? metrics = null)
    {
        if (threshold is < 0 or > 10 || double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be from 0 to 10 (0% to 1000%)");
        metrics ??= DefaultMetrics;
        var newGroups = newRun.Records.GroupBy(Configuration.Of).ToDictionary(g => g.Key, g => g.ToList());
        var baseKeys = new HashSet<Configuration>(baseRun.Records.Select(Configuration.Of));
        var changes = new List<MetricChange>();
        var broken = new List<BrokenConfiguration>();
        var onlyInBase = new List<Configuration>();
        foreach (var group in Configuration.InOrder(baseRun.Records))
        {
            if (!newGroups.TryGetValue(group.Key, out var newRows))
            {
                onlyInBase.Add(group.Key);
                continue;
            }
            var baseOk = group.Where(r => r.Succeeded).ToList();
            var newOk = newRows.Where(r => r.Succeeded).ToList();
            if (baseOk.Count > 0 && newOk.Count == 0)
                broken.Add(new BrokenConfiguration(group.Key, baseOk.Count, newRows.Count, newRows.Select(r => r.FailureReason).FirstOrDefault(r => r is not null)));
            foreach (var metric in metrics)
            {
                var x = baseOk.Select(metric.Select).OfType<double>().ToArray();
                var y = newOk.Select(metric.Select).OfType<double>().ToArray();
                if (x.Length == 0 || y.Length == 0) continue;
                changes.Add(Change(group.Key, metric, x, y, threshold));
            }
        }
        var onlyInNew = Configuration.InOrder(newRun.Records).Select(g => g.Key).Where(key => !baseKeys.Contains(key)).ToList();
        return new RunComparison(baseRun, newRun, threshold, changes, broken, onlyInBase, onlyInNew);
    }

    private static MetricChange Change(Configuration configuration, Metric metric, double[] baseValues, double[] newValues, double threshold)
    {
        var test = MannWhitneyTest.Of(newValues, baseValues);
        var shift = ShiftEstimate.Of(newValues, baseValues);
        var ratio = RatioEstimate.Of(newValues, baseValues);
        var direction = !test.IsSignificant(Alpha) ? ChangeDirection.Unchanged
            : shift.Shift > 0 ? ChangeDirection.Worse
            : shift.Shift < 0 ? ChangeDirection.Better
            : ChangeDirection.Unchanged;
        var regression = metric.Name == Metrics.StopTime.Name && direction == ChangeDirection.Worse
            && ratio is { MedianRatio: var r } && r > 1 + threshold;
        return new MetricChange(configuration, metric, DescriptiveStatistics.Of(baseValues), DescriptiveStatistics.Of(newValues),
            ratio, shift, test, direction, regression);
    }
}
