namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>CRIU's frozen + restore time against the harness's stop time, per configuration, with every migration where CRIU's sum is the larger.</summary>
internal sealed class CriuCrossCheckSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "CRIU cross-check");
        var checks = CriuCrossCheck.Of(data);
        if (checks.Count == 0)
        {
            yield return new Paragraph("No successful migration has CRIU's statistics, so there is nothing to cross-check.");
            yield break;
        }
        yield return new Paragraph(
            "CRIU's stats-dump and stats-restore say how long the tasks stayed frozen and how long the restore took. " +
            "The harness's stop time also holds the criu processes' own start and exit around those phases and the transfer, " +
            "so CRIU's frozen_time + restore_time must stay below it; the margin is those (\"Where the stop time goes\" splits it). " +
            "Only cold migrations are checked: a post-copy source stays frozen until its last page is served, after the restore.");
        yield return Table.Of(
            [("workload", false), ("engine", false), ("strategy", false), ("link rate", false), ("n", true),
             ("criu freezing (ms)", true), ("criu frozen + restore (ms)", true), ("harness stop (ms)", true),
             ("margin (ms)", true), ("smallest margin (ms)", true), ("CRIU above harness", true)],
            checks.Select(c => (IReadOnlyList<string>)
            [
                c.Configuration.Workload, c.Configuration.Engine, StrategyNames.Display(c.Configuration.Strategy), c.Configuration.LinkRate,
                ReportFormat.Count(c.Migrations.Count),
                ReportFormat.Ms(c.FreezingMedianMs),
                ReportFormat.Ms(Median(c.Migrations.Select(m => m.CriuSumMs))),
                ReportFormat.Ms(Median(c.Migrations.Select(m => m.StopMs))),
                ReportFormat.Ms(Median(c.Migrations.Select(m => m.MarginMs))),
                ReportFormat.Ms(c.Migrations.Min(m => m.MarginMs)),
                ReportFormat.Count(c.Migrations.Count(m => m.CriuExceedsHarness)),
            ]));
        yield return new Paragraph("Times are medians over the configuration's migrations; the margin is harness stop time − CRIU's sum, per migration.");

        var flagged = checks.SelectMany(c => c.Migrations).Where(m => m.CriuExceedsHarness).ToList();
        if (flagged.Count == 0)
            yield return new Paragraph("No migration has CRIU's sum above the harness's stop time.");
        else
        {
            yield return new Paragraph($"Flagged: CRIU's sum exceeds the harness's stop time in {ReportFormat.Count(flagged.Count)} migration{(flagged.Count == 1 ? "" : "s")}, which the harness cannot explain (a clock or a measurement is wrong):");
            yield return new BulletList(flagged.Select(m =>
                $"{m.Record.Workload}/{m.Record.Engine}/{m.Record.Strategy} at {m.Record.LinkRate}, repetition {ReportFormat.Count(m.Record.Repetition)}, {m.Record.Direction}: " +
                $"CRIU {ReportFormat.Ms(m.CriuSumMs)} ms > harness {ReportFormat.Ms(m.StopMs)} ms").ToList());
        }

        var containers = checks.Where(c => c.IsContainer).ToList();
        if (containers.Count > 0)
        {
            var near = containers.Where(c => c.FreezingNearPoll).ToList();
            yield return new Paragraph(
                "Container engines (runc, docker) freeze the workload through the cgroup freezer, whose state CRIU polls every 100 ms, " +
                "so a criu_freezing_time near 100 ms is an artefact of that polling, not time the workload needs. " +
                (near.Count == 0
                    ? "No container configuration here has a median freezing time within 20 ms of it."
                    : "Median freezing times within 20 ms of it: " + string.Join("; ", near.Select(c =>
                        $"{c.Configuration.Workload}/{c.Configuration.Engine}/{c.Configuration.Strategy} at {c.Configuration.LinkRate} ({ReportFormat.Ms(c.FreezingMedianMs)} ms)")) + "."));
        }
    }

    private static double Median(IEnumerable<double> values) => Measurements.DescriptiveStatistics.Of([.. values]).Median;
}
