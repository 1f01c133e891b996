namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Stop time and image size against the memory allocator's size N (issue 3).</summary>
internal sealed class MemorySweepSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Memory sweep");
        yield return new Paragraph(
            "Workloads whose parameters column gives mib=<N> (the memory allocator, or a user workload that declares it) hold N MiB, " +
            "dirtying dirty_mib_per_s=<R> MiB/s of it while they run (series marked d<R>) and filled with random data unless data=<kind> says otherwise. " +
            "Other workloads, and files written before the parameters column, are not part of the sweep.");
        var series = MemorySweep.Of(data);
        if (series.Count == 0)
        {
            yield return new Paragraph("No workload in this run has a mib parameter, so there is no sweep.");
            yield break;
        }
        foreach (var chart in Charts(data, series))
            yield return new Figure(chart, "Median stop time (solid, left axis) and median image size (dashed, right axis) against N, one colour per strategy and dirty rate (or data).");
        yield return Table.Of(
            [("link rate", false), ("strategy", false), ("sizes (MiB)", false), ("stop time per MiB (ms)", true), ("link alone per MiB (ms)", true)],
            series.Select(s => (IReadOnlyList<string>)
            [
                s.LinkRate, s.Label, string.Join(", ", s.Points.Select(p => ReportFormat.Count(p.MiB))),
                ReportFormat.Ms(s.SlopeMsPerMiB, "n/a (one size)"),
                ReportFormat.Ms(MemorySweep.LinkMsPerMiB(s.LinkRate), "none (unlimited)"),
            ]));
        yield return new Paragraph("Stop time per MiB is the least-squares slope of the median stop time against N.");
    }

    internal static IEnumerable<SweepChart> Charts(ComparisonData data, IReadOnlyList<SweepSeries> series)
    {
        var linkRates = series.Select(s => s.LinkRate).Distinct().ToList();
        foreach (var linkRate in linkRates)
        {
            var fileName = linkRates.Count == 1 ? "report_memory_sweep" : $"report_memory_sweep_{BarChart.FileNamePart(linkRate)}";
            var lines = series.Where(s => s.LinkRate == linkRate)
                .Select(s => new SweepChart.Series(s.Label, s.Points.Select(p => ((double)p.MiB, p.StopMs, p.ImageBytes / (1024.0 * 1024))).ToList()))
                .ToList();
            yield return new SweepChart(fileName, $"Memory sweep at link rate {linkRate}: medians", "N (MiB, from the parameters column)", lines);
        }
    }
}
