using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>
/// The winners as a grid: workloads down, link rates across, each cell the strategy with the lowest
/// median stop time and its margin over the runner-up (the Hodges–Lehmann shift with its 95%
/// interval), or a tie where that margin is not significant; at most three sentences beside it.
/// </summary>
internal sealed class WhatWinsWhereSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "What wins where");
        if (data.Winners.Count == 0)
        {
            yield return new Paragraph("No migration succeeded with a stop time, so nothing wins.");
            yield break;
        }
        var rates = data.LinkRates.Where(rate => data.Winners.Any(w => w.LinkRate == rate)).ToList();
        var workloads = data.Workloads.Where(workload => data.Winners.Any(w => w.Workload == workload)).ToList();
        yield return Table.Of(
            [("workload", false), .. rates.Select(rate => (rate, false))],
            workloads.Select(workload => (IReadOnlyList<string>)
            [
                workload,
                .. rates.Select(rate => data.Winners.FirstOrDefault(w => w.Workload == workload && w.LinkRate == rate) is { } w ? WinnerCell.Text(w) : "not run"),
            ]));
        yield return new Paragraph(string.Join(" ", Sentences(data).Take(3)));
    }

    private static IEnumerable<string> Sentences(ComparisonData data)
    {
        var contested = data.Winners.Where(w => w.RunnerUp is not null).ToList();
        var decided = contested.Where(w => !WinnerCell.IsTie(w)).ToList();
        if (contested.Count > 0)
        {
            var most = decided.GroupBy(w => w.Best.Label).OrderByDescending(g => g.Count()).FirstOrDefault();
            yield return $"{ReportFormat.Count(decided.Count)} of {ReportFormat.Count(contested.Count)} cells have a winner whose margin over the runner-up is significant at 95%" +
                         (most is null ? "." : $"; {most.Key} wins {ReportFormat.Count(most.Count())} of them.") +
                         " A tie (A ~ B) means the interval of their difference holds 0: more repetitions may tell them apart.";
        }
        foreach (var live in LiveAgainstCold(data).Take(1)) yield return live;
        if (Closest(data) is { } closest) yield return closest;
    }

    /// <summary>The first live mode that ran beside cold: how much shorter its downtime is, and when its last page came.</summary>
    private static IEnumerable<string> LiveAgainstCold(ComparisonData data)
    {
        foreach (var live in data.Configurations.Where(c => !c.IsCold))
        {
            var cold = data.Configurations.FirstOrDefault(c => c.IsCold && c.Workload == live.Workload && c.LinkRate == live.LinkRate && c.Engine == live.Engine && c.Strategy == live.Strategy)
                       ?? data.Configurations.FirstOrDefault(c => c.IsCold && c.Workload == live.Workload && c.LinkRate == live.LinkRate && c.Engine == live.Engine);
            if (cold is null || data.Row(live, Metrics.StopTime) is not { } liveStop || data.Row(cold, Metrics.StopTime) is not { } coldStop) continue;
            var sentence = $"On {live.Workload} at {live.LinkRate}, {data.Label(live)} stops the workload for {ReportFormat.Ms(liveStop.Median)} ms " +
                           $"against {ReportFormat.Ms(coldStop.Median)} ms for {data.Label(cold)} " +
                           (liveStop.Median <= coldStop.Median
                               ? $"({ReportFormat.Ratio3(coldStop.Median / liveStop.Median)}x shorter)"
                               : $"({ReportFormat.Ratio3(liveStop.Median / coldStop.Median)}x longer)");
            if (data.Row(live, Metrics.AllPagesTime) is { } allPages)
                sentence += $", but its last page arrives {ReportFormat.Ms(allPages.Median)} ms after the dump started";
            if (data.Row(live, Metrics.PostRestoreStall) is { } stall)
                sentence += $" and the workload stalls up to {ReportFormat.Ms(stall.Max)} ms meanwhile";
            yield return sentence + ".";
        }
    }

    /// <summary>The stop-and-copy configuration closest to its physical bound.</summary>
    private static string? Closest(ComparisonData data)
    {
        var rated = data.Configurations.Where(c => c.IsCold)
            .Select(c => (Configuration: c, Efficiency: data.Row(c, Metrics.Efficiency), Bound: data.Row(c, Metrics.StopTimeBound), Stop: data.Row(c, Metrics.StopTime)))
            .Where(x => x is { Efficiency: not null, Bound: not null, Stop: not null })
            .ToList();
        if (rated.Count == 0) return null;
        var best = rated.MaxBy(x => x.Efficiency!.Median);
        var withEngine = data.Configurations.Where(c => c.Workload == best.Configuration.Workload).Select(c => c.Engine).Distinct().Count() > 1;
        return $"Closest to its physical bound is {data.Label(best.Configuration, withEngine)} on {best.Configuration.Workload} at {best.Configuration.LinkRate}: " +
               $"{ReportFormat.Ms(best.Stop!.Median)} ms against a bound of {ReportFormat.Ms(best.Bound!.Median)} ms (efficiency {ReportFormat.Ratio3(best.Efficiency!.Median)}).";
    }
}
