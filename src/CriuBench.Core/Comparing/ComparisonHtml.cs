using System.Net;
using System.Text;

namespace CriuBench.Comparing;

/// <summary>The comparison as one self-contained HTML page (no scripts, no external files), for the published site.</summary>
public static class ComparisonHtml
{
    public static string Render(RunComparison c)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>{E(c.New.Name)} against {E(c.Base.Name)}</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
            + "td.n{text-align:right}tr.worse{background:#fde2e2}tr.better{background:#e2f5e2}tr.regression{background:#f8b4b4;font-weight:bold}"
            + ".verdict{font-size:1.2em;font-weight:bold}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine($"<h1>{E(c.New.Name)} against {E(c.Base.Name)}</h1>");
        html.AppendLine($"<p class=\"verdict\" id=\"verdict\" data-verdict=\"{c.Verdict}\">{E(c.VerdictLine)}</p>");
        html.AppendLine("<ul>");
        foreach (var line in ComparisonTable.Runs(c)) html.AppendLine($"<li>{E(line)}</li>");
        html.AppendLine("</ul>");
        html.AppendLine("<table><thead><tr>");
        foreach (var cell in ComparisonTable.Header(c)) html.Append($"<th>{E(cell)}</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var (row, change) in ComparisonTable.Rows(c).Zip(c.Changes))
        {
            var kind = change.IsRegression ? "regression" : change.Direction.ToString().ToLowerInvariant();
            html.Append($"<tr class=\"{kind}\">");
            for (var i = 0; i < row.Count; i++) html.Append(i >= 6 ? $"<td class=\"n\">{E(row[i])}</td>" : $"<td>{E(row[i])}</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
        var notes = ComparisonTable.Notes(c).ToList();
        if (notes.Count > 0)
        {
            html.AppendLine("<ul class=\"notes\">");
            foreach (var note in notes) html.AppendLine($"<li>{E(note)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
