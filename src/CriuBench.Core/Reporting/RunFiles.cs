namespace CriuBench.Reporting;

/// <summary>The names of the files a run directory holds, in one place.</summary>
public static class RunFiles
{
    public const string Migrations = "migrations.csv";
    public const string Iterations = "iterations.csv";
    public const string Environment = "environment.csv";
    public const string SummaryCsv = "summary.csv";
    public const string SummaryMarkdown = "summary.md";
    public const string ReportMarkdown = "report.md";
    public const string ReportHtml = "report.html";
    public const string ChartsDirectory = "charts";
    public const string Refusals = "refused.csv";
    public const string Trace = "trace.json";
    public const string ClientTimeline = "client-timeline.csv";
}
