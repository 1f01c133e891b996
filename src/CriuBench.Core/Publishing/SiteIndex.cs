using System.Globalization;
using System.Net;
using System.Text;

namespace CriuBench.Publishing;

/// <summary>The site's index.html: the trend chart, then every published run, newest first, with its report and its comparison.</summary>
public static class SiteIndex
{
    public const string FileName = "index.html";

    public static string Render(IReadOnlyList<PublishedRun> runs, IReadOnlySet<string> withComparison)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CriuBench: published runs</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}"
            + "td.regression{background:#f8b4b4;font-weight:bold}</style></head><body>");
        html.AppendLine("<h1>CriuBench: published runs</h1>");
        html.AppendLine($"<p><img src=\"{TrendChart.FileName}\" alt=\"median stop time per configuration, by run\"></p>");
        html.AppendLine("<p>Data: <a href=\"runs.csv\">runs.csv</a> (one row per run), <a href=\"history.csv\">history.csv</a> (the medians the chart draws).</p>");
        html.AppendLine("<table id=\"runs\"><thead><tr><th>run</th><th>started (UTC)</th><th>CRIU</th><th>hosts</th><th>migrations</th><th>failed</th><th>against the run before</th></tr></thead><tbody>");
        foreach (var run in runs.Reverse())
        {
            var id = E(run.RunId);
            var comparison = withComparison.Contains(run.RunId)
                ? $"<a href=\"runs/{id}/comparison.html\">{E(run.Verdict)}</a>"
                : E(run.Verdict.Length > 0 ? run.Verdict : "first run");
            var regression = run.Verdict.StartsWith("REGRESSION", StringComparison.Ordinal) ? " class=\"regression\"" : "";
            html.AppendLine($"<tr><td><a href=\"runs/{id}/report.html\">{id}</a></td><td>{run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td>"
                + $"<td>{E(run.CriuVersion)}</td><td>{E(run.HostKind)}</td><td>{run.Migrations}</td><td>{run.Failed}</td><td{regression}>{comparison}</td></tr>");
        }
        html.AppendLine("</tbody></table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
