namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>
/// Where each configuration's stop time goes: CRIU's share, its tools', the link's and the harness's,
/// as a waterfall chart per link rate and a table. Built from migrations.csv alone.
/// </summary>
internal sealed class StopTimeShareSection : IReportSection
{
    public static readonly IReadOnlyList<string> Parts =
        ["CRIU freezing", "CRIU frozen + restore", "tools outside CRIU's phases", "transfer (link)", "harness (between phases)"];

    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Where the stop time goes");
        var shares = StopTimeShares.Of(data);
        if (shares.Count == 0)
        {
            yield return new Paragraph("No successful migration has CRIU's statistics, so the stop time cannot be split.");
            yield break;
        }
        yield return new Paragraph(
            "Each migration's stop time, split into CRIU's freezing time, CRIU's other timed phases (frozen_time and restore_time " +
            "from stats-dump and stats-restore), the container runtime's and the engine's own time where the engine reports them " +
            "(Podman's --print-stats: runc outside CRIU's phases, Podman outside runc), the checkpoint and restore tools outside " +
            "those (starting them and entering the host, CRIU's own set-up and exit, runc's or Docker's work around CRIU where " +
            "nothing reports it), the transfer step (the link's share), and " +
            "the harness's own time between the checkpoint, the transfer and the restore (the starts of its commands and the gaps " +
            "between a transfer's own commands lie inside those phases; `KERNEL_TRACE=1 scripts/baseline.sh` shows them apart). " +
            "Each share is the median of its per-migration values, so the shares " +
            "need not add up to the median stop time exactly. A timed phase counts for at most its command's time: a post-copy " +
            "dump stays frozen, serving pages, after its part of the window ended.");
        foreach (var rate in data.LinkRates)
        {
            var bars = shares.Where(s => s.Configuration.LinkRate == rate)
                .Select(s => ($"{s.Configuration.Workload} {data.Label(s.Configuration)}", s)).ToList();
            if (bars.Count == 0) continue;
            var chart = new StackedBarChart($"report_stop_time_shares_{FileNames.Part(rate)}",
                $"Where the stop time goes at link rate {rate} (medians)", "median stop time (ms)", Parts,
                bars.Select(b => (b.Item1, (IReadOnlyList<double>)[b.s.CriuFreezingMs, b.s.CriuMs, b.s.ToolsMs, b.s.LinkMs, b.s.HarnessMs])).ToList());
            yield return new Figure(chart, $"Median stop time at {rate}, stacked: {string.Join(", ", Parts)}.");
            yield return new Figure(chart with { FileName = chart.FileName + "_percent", Title = $"Shares of the stop time at link rate {rate}", XLabel = "share of the stop time (%)", AsPercent = true },
                $"The same at {rate}, each bar as percent of the sum of its parts.");
        }
        var table = Table.Of(
            [("workload", false), ("engine", false), ("strategy", false), ("mode", false), ("link rate", false), ("n", true), ("stop (ms)", true),
             ("criu freezing (ms)", true), ("criu frozen + restore (ms)", true), ("runtime outside criu (ms)", true), ("engine outside the runtime (ms)", true),
             ("tools outside those (ms)", true), ("transfer (ms)", true),
             ("harness (ms)", true), ("harness share", true)],
            shares.Select(s => (IReadOnlyList<string>)
            [
                s.Configuration.Workload, s.Configuration.Engine, StrategyNames.Display(s.Configuration.Strategy), s.Configuration.Mode, s.Configuration.LinkRate,
                ReportFormat.Count(s.Migrations), ReportFormat.Ms(s.StopMs), ReportFormat.Ms(s.CriuFreezingMs), ReportFormat.Ms(s.CriuMs),
                ReportFormat.Ms(s.RuntimeMs), ReportFormat.Ms(s.EngineMs), ReportFormat.Ms(s.ToolsMs), ReportFormat.Ms(s.LinkMs), ReportFormat.Ms(s.HarnessMs), ReportFormat.Percent(s.StopMs > 0 ? s.HarnessMs / s.StopMs : 0),
            ]));
        foreach (var block in table.Compact("engine", "mode", "link rate")) yield return block;
    }
}
