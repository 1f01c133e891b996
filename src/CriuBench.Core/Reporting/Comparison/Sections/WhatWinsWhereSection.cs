using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>The report in a paragraph, written from the numbers: who wins at each link rate, how close to the limit, the sweep's slope, the cross-check.</summary>
internal sealed class WhatWinsWhereSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "What wins where");
        var sentences = new List<string>();
        sentences.AddRange(Winners(data));
        sentences.AddRange(Modes(data));
        sentences.Add(Efficiency(data));
        if (PhysicalLimitSection.BeatingTheBound(data).ToList() is { Count: > 0 } beating)
            sentences.Add($"A live mode can beat the stop-and-copy bound, and here does: {string.Join("; ", beating)}.");
        if (Sweep(data) is { } sweep) sentences.Add(sweep);
        if (CrossCheck(data) is { } crossCheck) sentences.Add(crossCheck);
        yield return new Paragraph(string.Join(" ", sentences));
    }

    private static IEnumerable<string> Winners(ComparisonData data)
    {
        if (data.Winners.Count == 0)
        {
            yield return "No migration succeeded with a stop time, so nothing wins.";
            yield break;
        }
        foreach (var linkRate in data.LinkRates)
        {
            var atRate = data.Winners.Where(w => w.LinkRate == linkRate).ToList();
            if (atRate.Count == 0) continue;
            var byStrategy = atRate.GroupBy(w => w.Best.Label).OrderByDescending(g => g.Count()).ToList();
            var parts = byStrategy.Select(g =>
                $"{g.Key} has the lowest median stop time for {ReportFormat.Count(g.Count())} of {ReportFormat.Count(atRate.Count)} " +
                $"workload{(atRate.Count == 1 ? "" : "s")} ({string.Join("; ", g.Select(Detail))})");
            yield return $"At {linkRate}, {string.Join(", and ", parts)}.";
        }
    }

    /// <summary>
    /// Per workload and link rate where a live mode ran beside cold: how much shorter its downtime
    /// is, what that costs in the whole migration, and the stall it leaves.
    /// </summary>
    private static IEnumerable<string> Modes(ComparisonData data)
    {
        foreach (var live in data.Configurations.Where(c => !c.IsCold))
        {
            var cold = data.Configurations.FirstOrDefault(c => c.IsCold && c.Workload == live.Workload && c.LinkRate == live.LinkRate && c.Engine == live.Engine);
            if (cold is null || data.Row(live, Metrics.StopTime) is not { } liveStop || data.Row(cold, Metrics.StopTime) is not { } coldStop) continue;
            var sentence = $"On {live.Workload} at {live.LinkRate}, {data.Label(live)} stops the workload for {ReportFormat.Ms(liveStop.Median)} ms " +
                           $"against {ReportFormat.Ms(coldStop.Median)} ms for {data.Label(cold)} " +
                           (liveStop.Median <= coldStop.Median
                               ? $"({ReportFormat.Ratio3(coldStop.Median / liveStop.Median)}x shorter)"
                               : $"({ReportFormat.Ratio3(liveStop.Median / coldStop.Median)}x longer)");
            if (data.Row(live, Metrics.AllPagesTime) is { } allPages)
                sentence += $", but its last page arrives {ReportFormat.Ms(allPages.Median)} ms after the dump started";
            if (data.Row(live, Metrics.PostRestoreStall) is { } stall)
                sentence += $" and the workload stalls up to {ReportFormat.Ms(stall.Max)} ms meanwhile (median of the largest stalls {ReportFormat.Ms(stall.Median)} ms)";
            yield return sentence + ".";
        }
    }

    private static string Detail(Winner w) => w.RunnerUp is null
        ? $"{w.Workload}: {ReportFormat.Ms(w.Best.MedianMs)} ms, the only strategy that ran"
        : $"{w.Workload}: {ReportFormat.Ms(w.Best.MedianMs)} ms against {ReportFormat.Ms(w.RunnerUp.MedianMs)} ms for {w.RunnerUp.Label}, " +
          $"{ReportFormat.Ms(w.MedianDifferenceMs!.Value)} ms less, {Comparison.Winners.Verdict(w)}";

    private static string Efficiency(ComparisonData data)
    {
        var rated = data.Configurations
            .Select(c => (Configuration: c, Efficiency: data.Row(c, Metrics.Efficiency), Bound: data.Row(c, Metrics.StopTimeBound), Stop: data.Row(c, Metrics.StopTime)))
            .Where(x => x.Efficiency is not null && x.Bound is not null && x.Stop is not null)
            .ToList();
        if (rated.Count == 0) return "No link was shaped, so no migration has a physical bound to be measured against.";
        string Describe((Configuration Configuration, SummaryRow? Efficiency, SummaryRow? Bound, SummaryRow? Stop) x) =>
            $"{data.Label(x.Configuration)} on {x.Configuration.Workload} at {x.Configuration.LinkRate} " +
            $"(median efficiency {ReportFormat.Ratio3(x.Efficiency!.Median)}: {ReportFormat.Ms(x.Stop!.Median)} ms against a bound of {ReportFormat.Ms(x.Bound!.Median)} ms)";
        var best = rated.MaxBy(x => x.Efficiency!.Median);
        var worst = rated.MinBy(x => x.Efficiency!.Median);
        var sentence = rated.Count == 1
            ? $"Against the physical limit (image bytes / link rate + the fastest restore) the one shaped configuration is {Describe(best)}."
            : $"Against the physical limit (image bytes / link rate + the fastest restore), {Describe(best)} comes closest and {Describe(worst)} is farthest from it.";
        return best.Efficiency!.Median > 1
            ? sentence + " An efficiency above 1 does not beat physics: the images crossed the link inside the restore (a shared filesystem), which the bound counts twice, or after it (lazy pages), while the workload already ran."
            : sentence;
    }

    private static string? Sweep(ComparisonData data)
    {
        var sloped = MemorySweep.Of(data).Where(s => s.SlopeMsPerMiB is not null).ToList();
        if (sloped.Count == 0) return null;
        string Describe(SweepSeries s) =>
            $"{ReportFormat.Ms(s.SlopeMsPerMiB!.Value)} ms per MiB for {s.Label} at {s.LinkRate}" +
            (MemorySweep.LinkMsPerMiB(s.LinkRate) is { } link ? $" (the link alone needs {ReportFormat.Ms(link)})" : "");
        var flattest = sloped.MinBy(s => s.SlopeMsPerMiB!.Value)!;
        var steepest = sloped.MaxBy(s => s.SlopeMsPerMiB!.Value)!;
        return ReferenceEquals(flattest, steepest)
            ? $"In the memory sweep, stop time grows by {Describe(flattest)}."
            : $"In the memory sweep, stop time grows least, by {Describe(flattest)}, and most, by {Describe(steepest)}.";
    }

    private static string? CrossCheck(ComparisonData data)
    {
        var migrations = CriuCrossCheck.Of(data).SelectMany(c => c.Migrations).ToList();
        if (migrations.Count == 0) return null;
        var exceeding = migrations.Count(m => m.CriuExceedsHarness);
        var margin = DescriptiveStatistics.Of([.. migrations.Select(m => m.MarginMs)]).Median;
        return exceeding == 0
            ? $"CRIU's own frozen + restore time stays below the harness's stop time in all {ReportFormat.Count(migrations.Count)} migrations (median margin {ReportFormat.Ms(margin)} ms)."
            : $"CRIU's own frozen + restore time exceeds the harness's stop time in {ReportFormat.Count(exceeding)} of {ReportFormat.Count(migrations.Count)} migrations: see the CRIU cross-check.";
    }
}
