using CriuBench.Measurements;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// The one entry point that turns a run's rows into its report files, and loads them back from a
/// run directory so `report &lt;run dir&gt;` can regenerate everything from CSV alone.
/// </summary>
public sealed class ReportWriter
{
    /// <summary>
    /// Writes environment.csv, summary.csv, summary.md, report.md, report.html and charts/ into <paramref name="runDirectory"/>.
    /// migrations.csv, refused.csv (read for what could not be measured) and client-timeline.csv
    /// (read for the services' latency charts) are left alone: the harness writes them. The same input always gives the same bytes.
    /// </summary>
    public async Task WriteAsync(string runDirectory, IReadOnlyList<MigrationRecord> records, RunEnvironment env, CancellationToken ct)
    {
        Directory.CreateDirectory(runDirectory);
        var summary = Summarizer.Summarize(records);
        await EnvironmentCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.Environment), env, ct);
        await SummaryCsv.WriteAsync(Path.Combine(runDirectory, RunFiles.SummaryCsv), summary, ct);
        await SummaryMarkdown.WriteAsync(Path.Combine(runDirectory, RunFiles.SummaryMarkdown), summary, records, env, ct);
        var refused = await RefusalsCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Refusals), ct);
        var clientTimeline = await ClientTimelineCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.ClientTimeline), ct);
        await new ComparisonReport().WriteAsync(runDirectory, records, summary, env, refused, clientTimeline, ct);
    }

    /// <summary>The report's headline table as plain text, for the end of a run (read from the run directory's environment.csv and refused.csv).</summary>
    public static async Task<string> HeadlineAsync(string runDirectory, IReadOnlyList<MigrationRecord> records, CancellationToken ct = default)
    {
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Environment), ct);
        var refused = await RefusalsCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Refusals), ct);
        return ComparisonReport.HeadlineText(records, environment, refused);
    }

    /// <summary>Reads migrations.csv and environment.csv of a run directory.</summary>
    public static async Task<(IReadOnlyList<MigrationRecord> Records, RunEnvironment Environment)> LoadAsync(string runDirectory, CancellationToken ct = default)
    {
        var records = await MigrationsCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Migrations), ct);
        var environment = await EnvironmentCsv.ReadAsync(Path.Combine(runDirectory, RunFiles.Environment), ct);
        return (records, environment);
    }

    /// <summary>Loads a run directory and writes its report again.</summary>
    public async Task RegenerateAsync(string runDirectory, CancellationToken ct = default)
    {
        var (records, environment) = await LoadAsync(runDirectory, ct);
        await WriteAsync(runDirectory, records, environment, ct);
    }
}
