using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Stop time and image size against the memory allocator's size N (issue 3).</summary>
internal sealed class MemorySweepSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        var series = MemorySweep.Of(data);
        if (!series.Any(s => s.Points.Count > 1))
        {
            yield return new Heading(2, "Memory sweep");
            yield return new Paragraph(series.Count == 0
                ? "No workload in this run has a mib parameter, so there is no sweep."
                : "Only one memory size ran per strategy, so there is no sweep to draw (the memory suite runs several).");
            yield break;
        }
        yield return new Heading(2, "Memory sweep");
        yield return new Paragraph(
            "Workloads whose parameters column gives mib=<N> (the memory allocator, or a user workload that declares it) hold N MiB, " +
            "dirtying dirty_mib_per_s=<R> MiB/s of it while they run (series marked d<R>) and filled with random data unless data=<kind> says otherwise. " +
            "Other workloads, and files written before the parameters column, are not part of the sweep.");
        foreach (var chart in Charts(data, series))
            yield return new Figure(chart, "Median stop time of each strategy (left axis) and the median image size of all of them (dashed, right axis) against N.");
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

    internal static IEnumerable<PointChart> Charts(ComparisonData data, IReadOnlyList<SweepSeries> series)
    {
        // A link rate where every strategy ran one size has nothing to draw against N.
        var linkRates = series.Where(s => s.Points.Count > 1).Select(s => s.LinkRate).Distinct().ToList();
        foreach (var linkRate in linkRates)
        {
            var fileName = linkRates.Count == 1 ? "report_memory_sweep" : $"report_memory_sweep_{FileNames.Part(linkRate)}";
            var atRate = series.Where(s => s.LinkRate == linkRate).ToList();
            var lines = atRate.Select(s => new PointChart.Series(s.Label, s.Strategy, ScottPlot.MarkerShape.FilledCircle, Joined: true,
                s.Points.Select(p => ((double)p.MiB, p.StopMs)).ToList())).ToList();
            // The strategies' images of one size are within a few KiB of each other: one line for them all.
            var images = atRate.SelectMany(s => s.Points).Where(p => p.ImageBytes is not null).GroupBy(p => p.MiB).OrderBy(g => g.Key)
                .Select(g => ((double)g.Key, DescriptiveStatistics.Of([.. g.Select(p => p.ImageBytes!.Value)]).Median / (1024.0 * 1024))).ToList();
            if (images.Count > 0)
                lines.Add(new PointChart.Series("image size (right axis)", null, ScottPlot.MarkerShape.OpenSquare, Joined: true, images, Dashed: true, OnRight: true));
            yield return new PointChart(fileName, $"Memory sweep at link rate {linkRate} (medians)", "N (MiB, from the parameters column)", "stop time (ms)", lines,
                RightLabel: "image size (MiB)");
        }
    }
}
