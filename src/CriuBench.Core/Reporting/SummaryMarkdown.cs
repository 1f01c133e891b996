using System.Globalization;
using System.Text;
using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Reporting;

/// <summary>
/// summary.md: what a person reads first after a run: the environment, one table per key metric,
/// and the failed migrations with their reasons. Deterministic: the same input gives the same bytes.
/// </summary>
public static class SummaryMarkdown
{
    /// <summary>The metrics that get a table, in this order.</summary>
    public static IReadOnlyList<Metric> KeyMetrics { get; } =
    [
        Metrics.StopTime, Metrics.StopTimeBound, Metrics.Efficiency, Metrics.CheckpointTime, Metrics.TransferTime, Metrics.RestoreTime, Metrics.ImageSize,
        Metrics.CounterGap, Metrics.AppDowntime, Metrics.CriuFrozenTime, Metrics.CriuRestoreTime,
    ];

    /// <summary>Live modes' metrics: a table each, only in runs that measured them (cold runs have none).</summary>
    public static IReadOnlyList<Metric> LiveMetrics { get; } =
        [Metrics.AllPagesTime, Metrics.MigrationTime, Metrics.PostRestoreStall, Metrics.LazyPages];

    public static async Task WriteAsync(string path, IReadOnlyList<SummaryRow> summary, IReadOnlyList<MigrationRecord> records,
        RunEnvironment environment, CancellationToken cancellationToken = default) =>
        await File.WriteAllTextAsync(path, Render(summary, records, environment), new UTF8Encoding(false), cancellationToken);

    public static string Render(IReadOnlyList<SummaryRow> summary, IReadOnlyList<MigrationRecord> records, RunEnvironment environment)
    {
        var md = new StringBuilder();
        var runIds = records.Select(r => r.RunId).Distinct().ToList();
        Line(md, runIds.Count == 0 ? "# CriuBench run" : $"# CriuBench run {string.Join(", ", runIds)}");
        Line(md);
        WriteEnvironment(md, environment);
        var failed = records.Count(r => !r.Succeeded);
        Line(md, $"Migrations: {records.Count} ({records.Count - failed} succeeded, {failed} failed).");
        foreach (var metric in KeyMetrics) WriteMetric(md, metric, summary.Where(r => r.Metric == metric.Name).ToList());
        foreach (var metric in LiveMetrics.Where(m => summary.Any(r => r.Metric == m.Name && r.Mode != ModeNames.Cold)))
            WriteMetric(md, metric, summary.Where(r => r.Metric == metric.Name).ToList());
        WriteFailures(md, records.Where(r => !r.Succeeded).ToList());
        return md.ToString();
    }

    private static void WriteEnvironment(StringBuilder md, RunEnvironment e)
    {
        Line(md, "| environment | |");
        Line(md, "|---|---|");
        foreach (var (name, value) in EnvironmentRows.Of(e)) Row(md, name, value);
        Line(md);
    }

    private static void WriteMetric(StringBuilder md, Metric metric, IReadOnlyList<SummaryRow> rows)
    {
        var unit = DisplayUnit.For(metric.Unit);
        Line(md);
        Line(md, $"## {metric.Name} ({unit.Label})");
        Line(md);
        Line(md, metric.Description + ".");
        Line(md);
        if (rows.Count == 0)
        {
            Line(md, "No values.");
            return;
        }
        Line(md, "| workload | parameters | engine | strategy | mode | link rate | n | failures | median | p95 | min | max |");
        Line(md, "|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Row(md, r.Workload, r.Parameters, r.Engine, r.Strategy, r.Mode, r.LinkRate,
                r.N.ToString(CultureInfo.InvariantCulture), r.Failures.ToString(CultureInfo.InvariantCulture),
                unit.Text(r.Median), unit.Text(r.P95), unit.Text(r.Min), unit.Text(r.Max));
        }
    }

    private static void WriteFailures(StringBuilder md, IReadOnlyList<MigrationRecord> failed)
    {
        Line(md);
        if (failed.Count == 0)
        {
            Line(md, "Failed migrations: none.");
            return;
        }
        Line(md, $"Failed migrations ({failed.Count}):");
        Line(md);
        foreach (var r in failed)
            Line(md, $"- {r.Workload}/{r.Engine}/{r.Strategy}/{r.Mode} at {r.LinkRate}, repetition {r.Repetition.ToString(CultureInfo.InvariantCulture)}, {r.Direction}: {OneLine(r.FailureReason ?? "no reason recorded")}");
    }

    private static void Row(StringBuilder md, params string[] cells) =>
        Line(md, "| " + string.Join(" | ", cells.Select(Cell)) + " |");

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
