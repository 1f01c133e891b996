using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>
/// What a service's clients saw, per service and mode: the downtime they observed beside the stop
/// time and CRIU's own frozen + restore time, failed requests, connections kept, the latency after
/// the restore; and per service a chart of the client's requests around the seam (client-timeline.csv).
/// Runs without a service workload have no such section.
/// </summary>
internal sealed class ServicesSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        var services = data.Configurations.Where(c => data.Row(c, Metrics.ClientDowntime) is not null).ToList();
        if (services.Count == 0) yield break;
        yield return new Heading(2, "Services: what their clients saw");
        yield return new Paragraph(
            "A client on its own host sends the service a request after each answer (every millisecond). Its downtime is the largest gap " +
            "between two answers around the seam; the stop time is the harness's, up to the restore's return and the service address opening; " +
            "CRIU's frozen + restore time is what CRIU itself says. The client's downtime can be the larger: a request sent while the service " +
            "was frozen is answered only when TCP sends it again (after at least 200 ms). Failed requests and connections are summed over the migrations.");
        var table = Table.Of(
            [("service", false), ("engine", false), ("strategy", false), ("mode", false), ("link rate", false), ("n", true),
             ("client downtime (ms)", true), ("stop time (ms)", true), ("criu frozen + restore (ms)", true),
             ("p99 latency after (ms)", true), ("failed requests", true), ("connections kept", true)],
            services.Select(c => Row(data, c)));
        foreach (var block in table.Compact("engine", "strategy", "link rate")) yield return block;
        yield return new Paragraph("Times are medians over the configuration's successful migrations, with their 95% interval where there are enough of them; " +
            "p99 latency after is the 99th percentile of the client's request latency in the 5 s after the restore.");

        var severalRates = services.Select(c => c.LinkRate).Distinct().Count() > 1;
        foreach (var group in services.GroupBy(c => (c.Workload, c.LinkRate)))
        {
            var picked = group.Select(c => (Configuration: c, Migration: MedianMigration(data, c))).Where(p => p.Migration is not null).ToList();
            var drawn = picked.Select(p => (p.Configuration, p.Migration!, Slices: data.ClientSlices(p.Migration!))).Where(p => p.Slices.Count > 0).ToList();
            if (drawn.Count == 0) continue;
            var title = severalRates ? $"{group.Key.Workload} at {group.Key.LinkRate}" : group.Key.Workload;
            yield return new Figure(Chart(data, group.Key, title, drawn),
                $"{title}: the client's requests answered per {ClientSampleRecord.BinMs} ms (lines, right axis) and the slowest of them (points, left axis), " +
                "from the checkpoint's start, in the migration with the median client downtime of each mode. The answers stop at 0 ms and come back after the downtime; " +
                "the first answer after it waited the whole downtime.");
        }
    }

    private static IReadOnlyList<string> Row(ComparisonData data, Configuration c)
    {
        var all = data.Records.Where(r => Configuration.Of(r) == c).ToList();
        var successful = data.Successful(c);
        var kept = all.Where(r => r.ConnectionsKept is not null && r.ConnectionsTotal is not null).ToList();
        return
        [
            c.Workload, c.Engine, StrategyNames.Display(c.Strategy), c.Mode, c.LinkRate,
            ReportFormat.Count(successful.Count),
            Interval(data.Values(c, Metrics.ClientDowntime)),
            Interval(data.Values(c, Metrics.StopTime)),
            Interval(successful.Where(r => r.CriuFrozenTimeMs is not null && r.CriuRestoreTimeMs is not null)
                .Select(r => r.CriuFrozenTimeMs!.Value + r.CriuRestoreTimeMs!.Value).ToList()),
            ReportFormat.Median(data.Row(c, Metrics.ClientTailLatency), Metrics.ClientTailLatency),
            all.Any(r => r.ClientFailedRequests is not null) ? ReportFormat.Count((int)all.Sum(r => r.ClientFailedRequests ?? 0)) : "n/a",
            kept.Count > 0 ? $"{kept.Sum(r => r.ConnectionsKept!.Value)} of {kept.Sum(r => r.ConnectionsTotal!.Value)}" : "n/a",
        ];
    }

    private static string Interval(IReadOnlyList<double> values) =>
        MedianInterval.Of(values) is { } interval ? ReportFormat.WithInterval(interval) : "n/a";

    /// <summary>The successful migration whose client downtime is the median (the lower middle one for an even count).</summary>
    private static MigrationRecord? MedianMigration(ComparisonData data, Configuration c)
    {
        var rows = data.Successful(c).Where(r => r.ClientDowntimeMs is not null).OrderBy(r => r.ClientDowntimeMs).ThenBy(r => r.Repetition).ToList();
        return rows.Count == 0 ? null : rows[(rows.Count - 1) / 2];
    }

    private static PointChart Chart(ComparisonData data, (string Workload, string LinkRate) key, string title,
        IReadOnlyList<(Configuration Configuration, MigrationRecord Migration, IReadOnlyList<ClientSampleRecord> Slices)> drawn)
    {
        var series = new List<PointChart.Series>();
        for (var i = 0; i < drawn.Count; i++)
        {
            var (c, _, slices) = drawn[i];
            var colour = ChartStyle.Palette[i % ChartStyle.Palette.Count];
            var label = data.Label(c);
            series.Add(new PointChart.Series($"{label}: slowest request", c.Strategy, ScottPlot.MarkerShape.FilledCircle, Joined: false,
                slices.Where(s => s.MaxLatencyMs is > 0).Select(s => ((double)s.TimeMs, s.MaxLatencyMs!.Value)).ToList(), Colour: colour));
            series.Add(new PointChart.Series($"{label}: requests per {ClientSampleRecord.BinMs} ms", c.Strategy, ScottPlot.MarkerShape.None, Joined: true,
                slices.Select(s => ((double)s.TimeMs, (double)s.Requests)).ToList(), OnRight: true, Colour: colour));
        }
        return new PointChart($"report_client_{FileNames.Part(key.Workload)}_{FileNames.Part(key.LinkRate)}", $"What the client of {title} saw around the migration",
            "time since the checkpoint began (ms)", "slowest request in the slice (ms)", series,
            RightLabel: $"requests answered per {ClientSampleRecord.BinMs} ms", Width: 1000, Height: 460, LinearX: true);
    }
}
