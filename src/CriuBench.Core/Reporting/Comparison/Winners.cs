using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>A strategy (with its engine) that ran a workload at a link rate, and its successful stop times.</summary>
internal sealed record Candidate(Configuration Configuration, string Label, IReadOnlyList<double> StopTimesMs, double MedianMs);

/// <summary>
/// The strategy with the lowest median stop time for one workload at one link rate, and the
/// runner-up with the shift between them (runner-up − winner: positive means the winner is faster).
/// </summary>
internal sealed record Winner(string Workload, string LinkRate, Candidate Best, Candidate? RunnerUp, ShiftEstimate? Shift)
{
    /// <summary>Runner-up's median minus the winner's.</summary>
    public double? MedianDifferenceMs => RunnerUp is null ? null : RunnerUp.MedianMs - Best.MedianMs;
}

internal static class Winners
{
    /// <summary>
    /// One winner per workload and link rate that has a stop time, in the order workloads then link
    /// rates first appear. Ties go to the configuration that appears first.
    /// </summary>
    public static IReadOnlyList<Winner> Of(ComparisonData data)
    {
        var winners = new List<Winner>();
        foreach (var workload in data.Workloads)
        foreach (var linkRate in data.LinkRates)
        {
            var here = data.Configurations.Where(c => c.Workload == workload && c.LinkRate == linkRate).ToList();
            var withEngine = here.Select(c => c.Engine).Distinct().Count() > 1;
            var candidates = here
                .Select(c => (Configuration: c, StopTimes: data.Values(c, Metrics.StopTime)))
                .Where(c => c.StopTimes.Count > 0)
                .Select(c => new Candidate(c.Configuration, data.Label(c.Configuration, withEngine), c.StopTimes, DescriptiveStatistics.Of([.. c.StopTimes]).Median))
                .OrderBy(c => c.MedianMs) // stable: ties keep the summary's order
                .ToList();
            if (candidates.Count == 0) continue;
            var best = candidates[0];
            var runnerUp = candidates.Count > 1 ? candidates[1] : null;
            var shift = runnerUp is null ? null : ShiftEstimate.Of(runnerUp.StopTimesMs, best.StopTimesMs);
            winners.Add(new Winner(workload, linkRate, best, runnerUp, shift));
        }
        return winners;
    }

    /// <summary>"significant", "not significant", or why there is no verdict.</summary>
    public static string Verdict(Winner w) => w.Shift switch
    {
        null => "no runner-up",
        { HasInterval: false } => "not significant (too few repetitions for a 95% interval)",
        { IsSignificant: true } => "significant",
        _ => "not significant",
    };
}

/// <summary>
/// A cell of the "what wins where" grid: the winner and by how much, or a tie where the shift
/// between winner and runner-up is not significant at 95% (its interval holds 0, or the samples
/// are too small for one).
/// </summary>
internal static class WinnerCell
{
    public static bool IsTie(Winner w) => w.RunnerUp is not null && w.Shift is not { IsSignificant: true };

    public static string Text(Winner w)
    {
        if (w.RunnerUp is not { } runnerUp) return $"{w.Best.Label} (only one ran)";
        if (IsTie(w)) return $"tie: {w.Best.Label} ~ {runnerUp.Label}";
        var shift = w.Shift!;
        var decimals = ReportFormat.Decimals(shift.Shift, shift.Upper!.Value - shift.Lower!.Value);
        var times = runnerUp.MedianMs / w.Best.MedianMs;
        return $"{w.Best.Label}, {ReportFormat.Fixed(shift.Shift, decimals)} ms [{ReportFormat.Fixed(shift.Lower.Value, decimals)}, {ReportFormat.Fixed(shift.Upper.Value, decimals)}] " +
               $"({ReportFormat.Fixed(times, times < 10 ? 2 : 1)}x) faster than {runnerUp.Label}";
    }
}
