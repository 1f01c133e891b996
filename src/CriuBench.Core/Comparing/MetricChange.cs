using CriuBench.Measurements;

namespace CriuBench.Comparing;

/// <summary>Which way a metric moved between the two runs; every metric compared is "the lower the better".</summary>
public enum ChangeDirection
{
    /// <summary>Not significant (Mann–Whitney), or too few migrations to tell.</summary>
    Unchanged,
    Worse,
    Better,
}

/// <summary>
/// One metric of one configuration in both runs: the medians, NEW/BASE as a ratio of medians with
/// its interval, the Hodges–Lehmann shift NEW − BASE with its interval, and the Mann–Whitney test.
/// </summary>
/// <param name="Ratio">Null where a value is not positive (no ratio of such samples).</param>
/// <param name="IsRegression">The gate's answer: see <see cref="RunComparer"/>.</param>
public sealed record MetricChange(
    Configuration Configuration,
    Metric Metric,
    DescriptiveStatistics Base,
    DescriptiveStatistics New,
    RatioEstimate? Ratio,
    ShiftEstimate Shift,
    MannWhitneyTest Test,
    ChangeDirection Direction,
    bool IsRegression);

/// <summary>A configuration whose migrations all failed in NEW although some succeeded in BASE: a regression whatever the times say.</summary>
public sealed record BrokenConfiguration(Configuration Configuration, int BaseSucceeded, int NewFailed, string? Reason);
