using CriuBench.Measurements;

namespace CriuBench.Comparing;

/// <summary>What `criubench compare` concludes, and the exit code it maps to.</summary>
public enum ComparisonVerdict
{
    /// <summary>Nothing got worse beyond the threshold (exit 0).</summary>
    NoRegression,

    /// <summary>A configuration's stop time grew significantly by more than the threshold, or it stopped working (exit 3).</summary>
    Regression,

    /// <summary>The two runs share no configuration: nothing was compared (exit 4).</summary>
    NothingInCommon,
}

/// <summary>One side of a comparison: its name (the run directory), what CRIU it ran, its rows.</summary>
public sealed record ComparedRun(string Name, string CriuVersion, string HostKind, IReadOnlyList<MigrationRecord> Records);

/// <summary>Two runs side by side: every metric of every configuration they share, and what only one of them has.</summary>
public sealed record RunComparison(
    ComparedRun Base,
    ComparedRun New,
    double Threshold,
    IReadOnlyList<MetricChange> Changes,
    IReadOnlyList<BrokenConfiguration> Broken,
    IReadOnlyList<Configuration> OnlyInBase,
    IReadOnlyList<Configuration> OnlyInNew)
{
    public IReadOnlyList<Configuration> Shared => Changes.Select(c => c.Configuration).Concat(Broken.Select(b => b.Configuration)).Distinct().ToList();

    public IEnumerable<MetricChange> Regressions => Changes.Where(c => c.IsRegression);

    public ComparisonVerdict Verdict =>
        Shared.Count == 0 ? ComparisonVerdict.NothingInCommon
        : Regressions.Any() || Broken.Count > 0 ? ComparisonVerdict.Regression
        : ComparisonVerdict.NoRegression;

    /// <summary>One sentence for a terminal, a CI log or a page title.</summary>
    public string VerdictLine => Verdict switch
    {
        ComparisonVerdict.NothingInCommon => $"nothing to compare: {Base.Name} and {New.Name} share no configuration",
        ComparisonVerdict.Regression => $"REGRESSION: {string.Join("; ", Regressions.Select(c => $"{Describe(c.Configuration)} stop time x{c.Ratio?.MedianRatio:0.000} (p={c.Test.PValue:0.###})").Concat(Broken.Select(b => $"{Describe(b.Configuration)} fails in {New.Name}")))}",
        _ => $"no regression: no stop time of the {Shared.Count} shared configuration(s) grew significantly by more than {Threshold:0.#%}",
    };

    public static string Describe(Configuration c) => $"{c.Workload} ({c.Engine}) {c.Strategy} {c.Mode} {c.LinkRate}";
}
