namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>The strategy with the lowest median stop time per workload and link rate, against the runner-up.</summary>
internal sealed class WinnersSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Winner per workload and link rate");
        if (data.Winners.Count == 0)
        {
            yield return new Paragraph("No migration succeeded with a stop time.");
            yield break;
        }
        yield return new Paragraph(
            "The winner has the lowest median stop time among the strategies that ran the workload at that link rate; " +
            "Δ median is the runner-up's median minus the winner's, and the shift is the Hodges–Lehmann estimate of the same difference " +
            "(the median of all pairwise differences runner-up − winner). " +
            "Its 95% confidence interval is the distribution-free one read off the Mann–Whitney U distribution (exact up to 60 migrations in all), " +
            "so it needs no random numbers and a regenerated report gives the same interval; an interval containing 0 is \"not significant\", " +
            "and fewer than 4 repetitions per strategy are too few for any 95% interval.");
        yield return Table.Of(
            [("workload", false), ("link rate", false), ("winner", false), ("median (ms)", true), ("runner-up", false), ("median (ms)", true),
             ("Δ median (ms)", true), ("shift (ms)", true), ("95% CI (ms)", true), ("verdict", false)],
            data.Winners.Select(w => (IReadOnlyList<string>)
            [
                w.Workload, w.LinkRate,
                $"{w.Best.Label} (n={ReportFormat.Count(w.Best.StopTimesMs.Count)})", ReportFormat.Ms(w.Best.MedianMs),
                w.RunnerUp is null ? "none" : $"{w.RunnerUp.Label} (n={ReportFormat.Count(w.RunnerUp.StopTimesMs.Count)})",
                w.RunnerUp is null ? "" : ReportFormat.Ms(w.RunnerUp.MedianMs),
                w.MedianDifferenceMs is { } d ? ReportFormat.Ms(d) : "",
                w.Shift is { } s ? ReportFormat.Ms(s.Shift) : "",
                w.Shift is { Lower: { } lo, Upper: { } hi } ? $"[{ReportFormat.Ms(lo)}, {ReportFormat.Ms(hi)}]" : "",
                Comparison.Winners.Verdict(w),
            ]));
    }
}
