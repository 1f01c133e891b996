using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>
/// The first screen: per workload and link rate, each strategy and mode's stop time with its
/// interval, n, the ratio to the baseline, the downtime the workload saw and whether its counter
/// kept counting; then what these hosts could not measure.
/// </summary>
internal sealed class HeadlineSection : IReportSection
{
    public const string HeadingText = "Stop time per workload and link rate";

    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, HeadingText);
        var groups = Headline.Of(data);
        if (groups.Count == 0)
        {
            yield return new Paragraph("No migration succeeded with a stop time.");
            foreach (var block in NotMeasuredLine(data)) yield return block;
            yield break;
        }
        var rows = groups.SelectMany(g => g.Rows).ToList();
        var full = rows.All(r => r.Stop.N < 2 || r.Stop.Confidence >= 0.95);
        var baseline = groups.Select(g => g.Baseline).OfType<string>().Distinct().ToList();
        // One link rate: said once under the table instead of a column of the same word.
        var singleRate = data.LinkRates.Count == 1;
        var table = Table.Of(
            [("workload", false), ("link rate", false), ("strategy", false),
             (full ? "stop time (ms), median [95% CI]" : "stop time (ms), median [CI]", true), ("n", true),
             ($"ratio to {(baseline.Count == 1 ? baseline[0] : Headline.BaselineStrategy)} [95% CI]", true),
             ("app downtime (ms), median", true), ("counter", false)],
            groups.SelectMany(g => g.Rows.Select((r, i) => (IReadOnlyList<string>)
            [
                i == 0 ? g.Workload : "", singleRate || i > 0 ? "" : g.LinkRate,
                r.Label,
                ReportFormat.WithInterval(r.Stop),
                r.Failures == 0 ? ReportFormat.Count(r.Stop.N) : $"{ReportFormat.Count(r.Stop.N)} ({ReportFormat.Count(r.Failures)} failed)",
                r.IsBaseline ? "1 (baseline)" : r.Ratio is { } ratio ? ReportFormat.WithInterval(ratio.Ratio, ratio.Low, ratio.High) : "",
                r.AppDowntime is { } downtime ? ReportFormat.WithInterval(downtime) : "",
                Headline.CounterVerdict(r),
            ])));
        yield return table.WithoutEmpty("link rate", "app downtime (ms), median", "counter");
        if (singleRate) yield return new Paragraph($"All at link rate {data.LinkRates[0]}.");
        foreach (var block in NotMeasuredLine(data)) yield return block;

        var notes = new List<string>();
        var reached = rows.Where(r => r.Stop.N >= 2 && r.Stop.Confidence < 0.95).Select(r => (r.Stop.N, r.Stop.Confidence)).Distinct().OrderBy(x => x.N).ToList();
        notes.Add("The stop time runs from the start of the checkpoint until the restored workload runs; its interval is the distribution-free one of the median " +
                  (reached.Count == 0 ? "(95%)" : "(" + string.Join(", ", reached.Select(x => $"n = {ReportFormat.Count(x.N)} reaches {ReportFormat.Percent(x.Confidence)}, from the fastest to the slowest")) + "; 6 or more reach 95%)") +
                  ", and its digits are those the interval justifies.");
        notes.Add("The ratio is the median stop time over the baseline's (tar, stop and copy, same engine) with the 95% interval of the Hodges–Lehmann ratio; app downtime is the largest gap in the workload's own timestamps around the migration; " +
                  "the counter's gap is 0 when it went on from the value it stopped at.");
        yield return new Paragraph(string.Join(" ", notes));
    }

    private static IEnumerable<ReportBlock> NotMeasuredLine(ComparisonData data)
    {
        var items = NotMeasured.Of(data);
        if (items.Count == 0) yield break;
        yield return new Paragraph($"Not measured here: {string.Join("; ", items)}. To measure them: {NotMeasured.HowToGetIt} (two QEMU VMs with kernel NFS, soft-dirty and userfaultfd).");
    }
}
