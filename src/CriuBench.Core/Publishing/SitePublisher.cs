using CriuBench.Comparing;
using CriuBench.Measurements;
using CriuBench.Reporting;

namespace CriuBench.Publishing;

/// <summary>
/// Adds a run to a GitHub Pages directory: its report, charts and CSV files under runs/&lt;run id&gt;/
/// (with its comparison, when the run directory holds one in comparison/), its row in runs.csv, its
/// headline medians in history.csv, and the trend chart and index.html drawn again from those.
/// A run is published once; the site is plain files, so any static host serves it.
/// </summary>
public static class SitePublisher
{
    public const string RunsDirectory = "runs";

    /// <summary>Where `compare --out` put the comparison with the previous run, inside the run directory.</summary>
    public const string ComparisonDirectory = "comparison";

    private static readonly string[] RunFilesCopied =
        [RunFiles.ReportHtml, RunFiles.ReportMarkdown, RunFiles.SummaryCsv, RunFiles.SummaryMarkdown, RunFiles.Migrations, RunFiles.Environment, RunFiles.Refusals, RunFiles.Iterations, RunFiles.ClientTimeline];

    private static readonly string[] ComparisonFiles = ["comparison.html", "comparison.md", "comparison.txt"];

    /// <exception cref="RunFileException">The run is no run directory, is published already, or the site's files are damaged.</exception>
    public static async Task<PublishedRun> PublishAsync(string runDirectory, string siteDirectory, CancellationToken ct = default)
    {
        foreach (var file in new[] { RunFiles.Migrations, RunFiles.Environment, RunFiles.ReportHtml })
            if (!File.Exists(Path.Combine(runDirectory, file)))
                throw new RunFileException($"{runDirectory} has no {file}: give a run directory with its report (criubench report DIR writes it)");
        var records = await MigrationsCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct);
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Environment), ct);
        var id = ComparedRuns.NameOf(runDirectory);
        var target = Path.Combine(siteDirectory, RunsDirectory, id);
        if (Directory.Exists(target)) throw new RunFileException($"{id} is published already ({target}): a run is published once");

        var runsFile = Path.Combine(siteDirectory, PublishedRunsCsv.FileName);
        var historyFile = Path.Combine(siteDirectory, HistoryCsv.FileName);
        var runs = (await PublishedRunsCsv.ReadAsync(runsFile, ct)).ToList();
        var history = (await HistoryCsv.ReadAsync(historyFile, ct)).ToList();

        Directory.CreateDirectory(target);
        foreach (var file in RunFilesCopied.Where(f => File.Exists(Path.Combine(runDirectory, f))))
            File.Copy(Path.Combine(runDirectory, file), Path.Combine(target, file));
        DirectoryTree.Copy(Path.Combine(runDirectory, RunFiles.ChartsDirectory), Path.Combine(target, RunFiles.ChartsDirectory));
        var comparison = Path.Combine(runDirectory, ComparisonDirectory);
        foreach (var file in ComparisonFiles.Where(f => File.Exists(Path.Combine(comparison, f))))
            File.Copy(Path.Combine(comparison, file), Path.Combine(target, file));

        var compared = File.Exists(Path.Combine(comparison, "comparison.txt"));
        var verdict = compared ? VerdictOf(await File.ReadAllLinesAsync(Path.Combine(comparison, "comparison.txt"), ct)) : "";
        var run = new PublishedRun(id, environment.StartedAt, environment.CriuVersion, environment.HostKind, records.Count, records.Count(r => !r.Succeeded),
            compared && runs.Count > 0 ? runs[^1].RunId : "", verdict);
        runs.Add(run);
        history.AddRange(Summarizer.Summarize(records, [Metrics.StopTime]).Select(s =>
            new HistoryRow(id, environment.StartedAt, environment.CriuVersion, s.Workload, s.Engine, s.Strategy, s.Mode, s.LinkRate, s.N, s.Median)));

        await PublishedRunsCsv.WriteAsync(runsFile, runs, ct);
        await HistoryCsv.WriteAsync(historyFile, history, ct);
        await File.WriteAllTextAsync(Path.Combine(siteDirectory, TrendChart.FileName), TrendChart.Render(history), ct);
        var withComparison = runs.Where(r => File.Exists(Path.Combine(siteDirectory, RunsDirectory, r.RunId, "comparison.html"))).Select(r => r.RunId).ToHashSet();
        await File.WriteAllTextAsync(Path.Combine(siteDirectory, SiteIndex.FileName), SiteIndex.Render(runs, withComparison), ct);
        // GitHub Pages runs Jekyll unless told not to, and Jekyll drops files it does not know.
        await File.WriteAllTextAsync(Path.Combine(siteDirectory, ".nojekyll"), "", ct);
        return run;
    }

    /// <summary>The comparison's verdict: its text's last line (ComparisonText ends with it).</summary>
    private static string VerdictOf(IReadOnlyList<string> lines) => lines.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "";
}
