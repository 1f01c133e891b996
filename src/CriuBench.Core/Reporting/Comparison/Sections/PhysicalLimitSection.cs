using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Each configuration's stop time against its physical bound, in a chart and a table that show the same numbers (issue 4).</summary>
internal sealed class PhysicalLimitSection : IReportSection
{
    public const string ChartName = "report_stop_vs_bound";

    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Stop time against the physical limit");
        var rows = Rated(data);
        if (rows.Count == 0)
        {
            yield return new Paragraph("No link was shaped (or no migration knows its image size), so no migration has a physical bound to be measured against.");
            yield break;
        }
        yield return new Paragraph(
            "The bound is a true lower bound on the stop time for the way a strategy moves its bytes: every image byte crosses the link while the workload is stopped, " +
            "at best at the link's rate, and a restore runs, at best as fast as the fastest restore of that workload (by any strategy). " +
            "For a serial copy (tar, tar-ssh, tar-zstd, rsync; page-server, whose pages cross inside the dump) the restore starts after the last byte, so the bound is bytes / link rate + that restore; " +
            "a shared filesystem (sshfs, nfs) reads the images across the link during the restore, so crossing and restore overlap and the bound is the larger of the two, not their sum. " +
            "Efficiency is bound / stop time, at most 1 for stop and copy. " +
            "A live mode moves memory after the restore: it is compared with the stop-and-copy bound of the same memory (its page-less images plus the pages it fetched), which it can beat.");
        yield return new Figure(Chart(data, rows),
            "Each configuration's median stop time (whisker: its interval) against its bound, colour by strategy, marker by engine; " +
            "the grey line is stop time = bound, and every stop-and-copy point lies on or above it.");
        var table = Table.Of(
            [("workload", false), ("engine", false), ("strategy", false), ("mode", false), ("link rate", false), ("n", true),
             ("bytes (MiB)", true), ("bound (ms)", true), ("how the bound is made", false), ("stop time (ms)", true), ("efficiency", true)],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Configuration.Workload, r.Configuration.Engine, StrategyNames.Display(r.Configuration.Strategy), r.Configuration.Mode, r.Configuration.LinkRate,
                ReportFormat.Count(r.Stop.N), ReportFormat.MiB(r.StateBytes), ReportFormat.Ms(r.BoundMs),
                How(r.Configuration),
                ReportFormat.Ms(r.Stop.Median),
                r.Configuration.IsCold ? ReportFormat.Ratio3(r.Efficiency) : $"{ReportFormat.Ratio3(r.Efficiency)} (live: against stop and copy)",
            ]));
        foreach (var block in table.Compact("engine", "mode", "link rate")) yield return block;
        yield return new Paragraph("Bytes, bound, stop time and efficiency are medians over the configuration's successful migrations (so efficiency is not exactly bound / stop time of the other columns).");
        if (BeatingTheBound(data).ToList() is { Count: > 0 } beating)
            yield return new Paragraph("Below the stop-and-copy bound, because their memory crossed the link after the restore: " + string.Join("; ", beating) + ".");
    }

    internal sealed record RatedConfiguration(Configuration Configuration, MedianInterval Stop, double BoundMs, double Efficiency, double StateBytes);

    /// <summary>The configurations with a bound (a shaped link and the image size), with the medians the chart and the table both show.</summary>
    internal static IReadOnlyList<RatedConfiguration> Rated(ComparisonData data) =>
        data.Configurations
            .Select(c => (c, Stop: MedianInterval.Of(data.Values(c, Metrics.StopTime)), Bound: data.Row(c, Metrics.StopTimeBound), Efficiency: data.Row(c, Metrics.Efficiency),
                State: data.Values(c, Metrics.StateSize)))
            .Where(x => x is { Stop: not null, Bound: not null, Efficiency: not null } && x.State.Count > 0)
            .Select(x => new RatedConfiguration(x.c, x.Stop!, x.Bound!.Median, x.Efficiency!.Median, DescriptiveStatistics.Of([.. x.State]).Median))
            .ToList();

    private static string How(Configuration c) => ByteCrossings.Of(c.Strategy) == ByteCrossing.InsideDumpAndRestore
        ? "larger of link and restore"
        : "link + restore";

    /// <summary>Live configurations whose median stop time is below their median bound, and by how much.</summary>
    internal static IEnumerable<string> BeatingTheBound(ComparisonData data)
    {
        foreach (var c in data.Configurations.Where(c => !c.IsCold))
            if (data.Row(c, Metrics.StopTimeBound) is { } bound && data.Row(c, Metrics.StopTime) is { } stop && stop.Median < bound.Median)
                yield return $"{data.Label(c)} on {c.Workload} at {c.LinkRate} stops for {ReportFormat.Ms(stop.Median)} ms, " +
                             $"{ReportFormat.Ms(bound.Median - stop.Median)} ms ({ReportFormat.Ratio3(bound.Median / stop.Median)}x) below its bound of {ReportFormat.Ms(bound.Median)} ms";
    }

    internal static PointChart Chart(ComparisonData data, IReadOnlyList<RatedConfiguration> rows)
    {
        var series = new List<PointChart.Series>();
        foreach (var group in rows.GroupBy(r => (r.Configuration.Engine, data.Label(r.Configuration, withEngine: false), r.Configuration.Strategy)))
        {
            var label = data.SeveralEngines ? $"{group.Key.Item2} ({group.Key.Engine})" : group.Key.Item2;
            series.Add(new PointChart.Series(label, group.Key.Strategy, ChartStyle.ForEngine(group.Key.Engine), Joined: false,
                group.Select(r => (r.BoundMs, r.Stop.Median)).ToList(),
                group.Select(r => (r.Stop.Low, r.Stop.High)).ToList()));
        }
        var bounds = rows.Select(r => r.BoundMs).ToList();
        var (from, to) = (bounds.Min() / 1.3, Math.Max(bounds.Max(), rows.Max(r => r.Stop.High)) * 1.3);
        series.Add(new PointChart.Series("stop time = bound", null, ScottPlot.MarkerShape.None, Joined: true, [(from, from), (to, to)], Dashed: true));
        // A legend entry per strategy (colour) and per engine (marker), not per pair of them.
        var legend = rows.Select(r => (Label: data.Label(r.Configuration, withEngine: false), r.Configuration.Strategy)).Distinct()
            .Select(x => new PointChart.Key(x.Label, x.Strategy, ScottPlot.MarkerShape.FilledCircle)).ToList();
        if (data.SeveralEngines)
            legend.AddRange(rows.Select(r => r.Configuration.Engine).Distinct().Select(engine => new PointChart.Key(engine, null, ChartStyle.ForEngine(engine))));
        legend.Add(new PointChart.Key("stop time = bound", null, ScottPlot.MarkerShape.None, Line: true));
        return new PointChart(ChartName, "Stop time against its physical bound (medians)", "bound (ms)", "stop time (ms)", series, Legend: legend, Width: 1000, Height: 520);
    }
}
