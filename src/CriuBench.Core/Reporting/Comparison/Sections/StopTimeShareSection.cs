namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>
/// Where each configuration's stop time goes: CRIU's share, the link's share and the harness's,
/// as a waterfall chart per link rate and a table. Built from migrations.csv alone.
/// </summary>
internal sealed class StopTimeShareSection : IReportSection
{
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
            "Each configuration's median stop time, split into CRIU's freezing time, CRIU's own frozen_time + restore_time " +
            "(stats-dump and stats-restore), the transfer step (the link's share) and the rest, which is the harness's share: " +
            "starting commands and entering the host, and CRIU starting and exiting around its own timed phases. " +
            "Each share is a median over the configuration's migrations; the rest is the median stop time minus the others.");
        foreach (var rate in data.LinkRates)
        {
            var bars = shares.Where(s => s.Configuration.LinkRate == rate)
                .Select(s => ($"{s.Configuration.Workload} {data.Label(s.Configuration)}", s)).ToList();
            if (bars.Count == 0) continue;
            var chart = new StopTimeShareChart($"report_stop_time_shares_{BarChart.FileNamePart(rate)}",
                $"Where the stop time goes at link rate {rate} (medians)", bars);
            yield return new Figure(chart, $"Median stop time at {rate}, stacked: CRIU freezing, CRIU frozen + restore, transfer, harness.");
            yield return new Figure(chart with { FileName = chart.FileName + "_percent", Title = $"Shares of the stop time at link rate {rate}", AsPercent = true },
                $"The same at {rate}, each bar as percent of its own median stop time.");
        }
        yield return Table.Of(
            [("workload", false), ("engine", false), ("strategy", false), ("link rate", false), ("n", true), ("stop (ms)", true),
             ("criu freezing (ms)", true), ("criu frozen + restore (ms)", true), ("transfer (ms)", true), ("harness (ms)", true), ("harness share", true)],
            shares.Select(s => (IReadOnlyList<string>)
            [
                s.Configuration.Workload, s.Configuration.Engine, s.Configuration.Strategy, s.Configuration.LinkRate,
                ReportFormat.Count(s.Migrations), ReportFormat.Ms(s.StopMs), ReportFormat.Ms(s.CriuFreezingMs), ReportFormat.Ms(s.CriuMs),
                ReportFormat.Ms(s.LinkMs), ReportFormat.Ms(s.HarnessMs), ReportFormat.Percent(s.StopMs > 0 ? s.HarnessMs / s.StopMs : 0),
            ]));
    }
}
