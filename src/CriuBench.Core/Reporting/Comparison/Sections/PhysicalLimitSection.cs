using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Stop time against image size with each link rate's bound, and each configuration's efficiency (issue 4).</summary>
internal sealed class PhysicalLimitSection : IReportSection
{
    public const string ChartName = "report_stop_vs_image";

    private static readonly int[] PointTypes = [7, 5, 9, 13, 11, 15];

    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Stop time against the physical limit");
        yield return new Paragraph(
            "A stop-and-copy migration cannot stop the workload for less than the time its images need to cross the link plus the restore: " +
            "the bound of each migration is its image bytes (all CRIU images; the workload's own small files, a few KiB, are negligible and not counted) " +
            "divided by the link rate, plus the fastest restore of that workload: the least of the strategies' median restore times. " +
            "(A row's own restore time would count the crossing twice for a strategy whose restore reads the images across the link, such as a shared filesystem.) " +
            "Efficiency is that bound divided by the measured stop time: 1 is as fast as the link allows. " +
            "An unlimited link has no bound. The bound is that of stop and copy: a live mode (post-copy) moves its pages after the restore and can beat it; " +
            "its bytes are its page-less images plus the pages it fetched lazily, the memory a stop-and-copy migration would have had to move, and the restore floor comes from cold migrations.");
        if (Chart(data) is { } chart)
            yield return new Figure(chart,
                "Every successful migration's stop time against its image size, coloured by strategy, one point shape per link rate; " +
                "the grey lines are each shaped link's bound (image size / rate + the fastest restore floor of any workload).");
        yield return Table.Of(
            [("workload", false), ("engine", false), ("strategy", false), ("mode", false), ("link rate", false), ("n", true),
             ("image (MiB)", true), ("bound (ms)", true), ("stop time (ms)", true), ("efficiency", true)],
            data.Configurations.Where(c => data.Row(c, Metrics.StopTime) is not null).Select(c => (IReadOnlyList<string>)
            [
                c.Workload, c.Engine, c.Strategy, c.Mode, c.LinkRate,
                ReportFormat.Count(data.Row(c, Metrics.StopTime)!.N),
                c.IsCold || data.Values(c, Metrics.StateSize) is not { Count: > 0 } state
                    ? ReportFormat.Median(data.Row(c, Metrics.ImageSize), Metrics.ImageSize)
                    : ReportFormat.MiB(DescriptiveStatistics.Of([.. state]).Median),
                ReportFormat.Median(data.Row(c, Metrics.StopTimeBound), Metrics.StopTimeBound, NoBound(c)),
                ReportFormat.Median(data.Row(c, Metrics.StopTime), Metrics.StopTime),
                ReportFormat.Median(data.Row(c, Metrics.Efficiency), Metrics.Efficiency, NoBound(c)),
            ]));
        yield return new Paragraph("All columns are medians over the configuration's successful migrations (so efficiency is not bound / stop time of the other columns).");
        if (BeatingTheBound(data).ToList() is { Count: > 0 } beating)
            yield return new Paragraph("Below the stop-and-copy bound, because their memory crossed the link after the restore: " + string.Join("; ", beating) + ".");
    }

    /// <summary>Live configurations whose median stop time is below their median bound, and by how much.</summary>
    internal static IEnumerable<string> BeatingTheBound(ComparisonData data)
    {
        foreach (var c in data.Configurations.Where(c => !c.IsCold))
            if (data.Row(c, Metrics.StopTimeBound) is { } bound && data.Row(c, Metrics.StopTime) is { } stop && stop.Median < bound.Median)
                yield return $"{data.Label(c)} on {c.Workload} at {c.LinkRate} stops for {ReportFormat.Ms(stop.Median)} ms, " +
                             $"{ReportFormat.Ms(bound.Median - stop.Median)} ms ({ReportFormat.Ratio3(bound.Median / stop.Median)}x) below its bound of {ReportFormat.Ms(bound.Median)} ms";
    }

    private static string NoBound(Configuration c) => PhysicalLimit.BytesPerSecond(c.LinkRate) is null ? "none (unlimited)" : "n/a";

    internal static ScatterChart? Chart(ComparisonData data)
    {
        var labels = data.Configurations.Select(data.Label).Distinct().ToList();
        var series = new List<ScatterChart.Series>();
        foreach (var linkRate in data.LinkRates)
        foreach (var label in labels)
        {
            var points = data.Configurations
                .Where(c => c.LinkRate == linkRate && data.Label(c) == label)
                .SelectMany(data.Successful)
                .Where(r => r is { ImageBytes: > 0, StopTimeMs: > 0 })
                .Select(r => (X: PhysicalLimit.StateBytes(r)!.Value / (1024.0 * 1024), Y: r.StopTimeMs!.Value))
                .ToList();
            if (points.Count == 0) continue;
            var name = data.LinkRates.Count > 1 ? $"{label} @ {linkRate}" : label;
            series.Add(new(name, labels.IndexOf(label) + 1, PointTypes[data.LinkRates.ToList().IndexOf(linkRate) % PointTypes.Length], points));
        }
        if (series.Count == 0) return null;

        var lines = new List<ScatterChart.Line>();
        foreach (var linkRate in data.LinkRates)
        {
            if (PhysicalLimit.BytesPerSecond(linkRate) is not { } rate) continue;
            var floors = PhysicalLimit.RestoreFloors(data.Configurations.Where(c => c.LinkRate == linkRate).SelectMany(data.Successful));
            var restore = floors.Count == 0 ? 0 : floors.Values.Min();
            lines.Add(new($"bound at {linkRate} (+{ReportFormat.Ms(restore)} ms restore)", 1024 * 1024 / rate * 1000, restore, lines.Count + 2));
        }
        return new ScatterChart(ChartName, "Stop time against image size, with each link's physical bound",
            "image size (MiB)", "stop time (ms)", series, lines);
    }
}
