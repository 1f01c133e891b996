using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Reporting.Comparison;

/// <summary>One strategy and mode on one workload at one link rate, as the first screen shows it.</summary>
/// <param name="Ratio">Its stop time against the baseline's (null for the baseline itself, or without one).</param>
/// <param name="Counter">Migrations whose counter gap was 0, of those that know it, and the largest gap (null when none knows it).</param>
internal sealed record HeadlineRow(
    Configuration Configuration,
    string Label,
    MedianInterval Stop,
    int Failures,
    bool IsBaseline,
    RatioEstimate? Ratio,
    MedianInterval? AppDowntime,
    (int Zero, int Known, long Largest)? Counter);

/// <summary>A workload at a link rate: its rows, and the baseline the ratios are against.</summary>
internal sealed record HeadlineGroup(string Workload, string LinkRate, string? Baseline, IReadOnlyList<HeadlineRow> Rows);

/// <summary>
/// The headline table (in the manner of BenchmarkDotNet's summary): per workload and link rate,
/// each strategy and mode's median stop time with its 95% interval, n, the ratio to the baseline
/// with its interval, the app-observed downtime and the counter's verdict.
/// </summary>
internal static class Headline
{
    /// <summary>The baseline a ratio is against: tar, stop and copy (of the same engine).</summary>
    public const string BaselineStrategy = "tar";

    public static IReadOnlyList<HeadlineGroup> Of(ComparisonData data)
    {
        var groups = new List<HeadlineGroup>();
        foreach (var workload in data.Workloads)
        foreach (var linkRate in data.LinkRates)
        {
            var configurations = data.Configurations.Where(c => c.Workload == workload && c.LinkRate == linkRate && data.Values(c, Metrics.StopTime).Count > 0).ToList();
            if (configurations.Count == 0) continue;
            Configuration? BaselineOf(Configuration c) =>
                configurations.FirstOrDefault(b => b.Engine == c.Engine && b.Strategy == BaselineStrategy && b.Mode == ModeNames.Cold);
            // The engine is named only where this workload ran under several.
            var withEngine = configurations.Select(c => c.Engine).Distinct().Count() > 1;
            var rows = configurations.Select(HeadlineRow (c) =>
            {
                var stops = data.Values(c, Metrics.StopTime);
                var baseline = BaselineOf(c);
                var gaps = data.Successful(c).Select(r => r.CounterGap).OfType<long>().ToList();
                return new HeadlineRow(c, data.Label(c, withEngine), MedianInterval.Of(stops)!,
                    data.Records.Count(r => !r.Succeeded && Configuration.Of(r) == c),
                    baseline == c,
                    baseline is null || baseline == c ? null : RatioEstimate.Of(stops, data.Values(baseline, Metrics.StopTime)),
                    MedianInterval.Of(data.Values(c, Metrics.AppDowntime)),
                    gaps.Count == 0 ? null : (gaps.Count(g => g == 0), gaps.Count, gaps.MaxBy(Math.Abs)));
            }).ToList();
            var baselines = configurations.Select(BaselineOf).OfType<Configuration>().Distinct().ToList();
            groups.Add(new HeadlineGroup(workload, linkRate, baselines.Count > 0 ? data.Label(baselines[0], withEngine: false) : null, rows));
        }
        return groups;
    }

    /// <summary>"gap 0 in 10/10", "gap 0 in 8/10 (largest 3)", or "" for a workload without a counter.</summary>
    public static string CounterVerdict(HeadlineRow row) => row.Counter switch
    {
        null => "",
        var (zero, known, largest) when zero == known => $"gap 0 in {ReportFormat.Count(zero)}/{ReportFormat.Count(known)}",
        var (zero, known, largest) => $"gap 0 in {ReportFormat.Count(zero)}/{ReportFormat.Count(known)} (largest {largest.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
    };
}

/// <summary>
/// How many times longer one sample's stop times are than the baseline's: the ratio of their
/// medians, and the 95% interval of the Hodges–Lehmann shift between their logarithms, taken back
/// (so a ratio of 2 means twice as long, 0.5 half as long).
/// </summary>
internal sealed record RatioEstimate(double Ratio, double? Low, double? High)
{
    public bool IsSignificant => Low is { } low && High is { } high && (low > 1 || high < 1);

    public static RatioEstimate Of(IReadOnlyList<double> values, IReadOnlyList<double> baseline)
    {
        var ratio = DescriptiveStatistics.Of([.. values]).Median / DescriptiveStatistics.Of([.. baseline]).Median;
        if (values.Any(v => v <= 0) || baseline.Any(v => v <= 0)) return new RatioEstimate(ratio, null, null);
        var shift = ShiftEstimate.Of([.. values.Select(v => Math.Log(v))], [.. baseline.Select(v => Math.Log(v))]);
        return shift is { Lower: { } lower, Upper: { } upper }
            ? new RatioEstimate(ratio, Math.Exp(lower), Math.Exp(upper))
            : new RatioEstimate(ratio, null, null);
    }
}
