using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Live modes against cold: downtime, the time until the last page, the stall after the restore, and the crossover over dirty rates (issue 8).</summary>
internal sealed class LiveMigrationSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        var live = data.Configurations.Where(c => !c.IsCold && data.Row(c, Metrics.StopTime) is not null).ToList();
        var series = Crossover.Of(data);
        if (live.Count == 0 && series.Count == 0)
        {
            yield return new Heading(2, "Live migration");
            yield return new Paragraph("Every migration of this run is stop and copy (cold): no live mode, and no crossover over dirty rates, to compare.");
            yield break;
        }
        yield return new Heading(2, "Live migration: downtime against the whole migration");
        yield return new Paragraph(
            "In post-copy the workload runs on the destination before its memory is there: the stop time (downtime) ends when the restore returns, " +
            "and the pages follow on demand and in the background. All pages is the time from the start of the dump until the last page arrived " +
            "(the lazy-pages daemon ended); the whole migration lasts until then and until the source's dump returned. " +
            "The stall is the largest gap in the workload's own timestamps after the restore until the last page arrived: " +
            "the time it waited for a page that was not there yet (timestamp workloads only). For cold migration the whole migration is the stop time.");
        if (live.Count > 0)
            yield return Table.Of(
                [("workload", false), ("engine", false), ("strategy", false), ("mode", false), ("link rate", false), ("n", true),
                 ("stop time (ms)", true), ("app downtime (ms)", true), ("all pages (ms)", true), ("whole migration (ms)", true),
                 ("lazy pages (MiB)", true), ("stall, median (ms)", true), ("stall, largest (ms)", true)],
                live.Select(c => (IReadOnlyList<string>)
                [
                    c.Workload, c.Engine, StrategyNames.Display(c.Strategy), c.Mode, c.LinkRate,
                    ReportFormat.Count(data.Row(c, Metrics.StopTime)!.N),
                    ReportFormat.Median(data.Row(c, Metrics.StopTime), Metrics.StopTime),
                    ReportFormat.Median(data.Row(c, Metrics.AppDowntime), Metrics.AppDowntime),
                    ReportFormat.Median(data.Row(c, Metrics.AllPagesTime), Metrics.AllPagesTime),
                    ReportFormat.Median(data.Row(c, Metrics.MigrationTime), Metrics.MigrationTime),
                    data.Row(c, Metrics.LazyPages) is { } pages ? ReportFormat.MiB(pages.Median * PhysicalLimit.PageBytes) : "n/a",
                    ReportFormat.Median(data.Row(c, Metrics.PostRestoreStall), Metrics.PostRestoreStall),
                    data.Row(c, Metrics.PostRestoreStall) is { } stall ? ReportFormat.Ms(stall.Max) : "n/a",
                ]));

        yield return new Heading(3, "Crossover: each mode against the dirty rate");
        if (series.Count == 0)
        {
            yield return new Paragraph("No workload with memory parameters (mib, dirty_mib_per_s) ran at two dirty rates or more, so there is no crossover to draw.");
            yield break;
        }
        var groups = series.GroupBy(s => (s.LinkRate, s.MiB, s.Data)).ToList();
        foreach (var group in groups)
        {
            var what = $"{group.Key.MiB} MiB{(group.Key.Data is { } d ? " " + d : "")} at {group.Key.LinkRate}";
            yield return new Figure(Chart(group.Key, groups.Count == 1, group.ToList()),
                $"The allocator holding {what}: median downtime (stop time, solid) and whole migration (dashed) of each mode against the rate at which it dirties its memory.");
            yield return Table.Of(
                [("strategy and mode", false), ("dirty rate (MiB/s)", true), ("stop time (ms)", true), ("app downtime (ms)", true),
                 ("whole migration (ms)", true), ("all pages (ms)", true), ("stall, median (ms)", true), ("stall, largest (ms)", true)],
                group.SelectMany(s => s.Points.Select(p => (IReadOnlyList<string>)
                [
                    s.Label, ReportFormat.Count(p.DirtyRate), ReportFormat.Ms(p.StopMs), ReportFormat.Ms(p.AppDowntimeMs),
                    ReportFormat.Ms(p.MigrationMs), ReportFormat.Ms(p.AllPagesMs), ReportFormat.Ms(p.StallMs), ReportFormat.Ms(p.StallMaxMs),
                ])));
        }
        yield return new Paragraph("All values are medians over a configuration's successful migrations, except the largest stall.");
    }

    private static PointChart Chart((string LinkRate, int MiB, string? Data) key, bool only, IReadOnlyList<CrossoverSeries> series)
    {
        var fileName = only ? "report_crossover"
            : $"report_crossover_{key.MiB}m{(key.Data is { } d ? "_" + d : "")}_{FileNames.Part(key.LinkRate)}";
        var lines = series.SelectMany(s => new[]
        {
            new PointChart.Series($"{s.Label}: downtime", s.Strategy, ScottPlot.MarkerShape.FilledCircle, Joined: true,
                s.Points.Select(p => ((double)p.DirtyRate, p.StopMs)).ToList()),
            new PointChart.Series($"{s.Label}: whole migration", s.Strategy, ScottPlot.MarkerShape.OpenCircle, Joined: true,
                s.Points.Where(p => p.MigrationMs is not null).Select(p => ((double)p.DirtyRate, p.MigrationMs!.Value)).ToList(), Dashed: true),
        }).Where(l => l.Points.Count > 0).ToList();
        return new PointChart(fileName, $"Crossover: {key.MiB} MiB allocator at link rate {key.LinkRate} (medians)",
            "dirty rate (MiB/s, from the parameters column)", "time (ms)", lines);
    }
}
