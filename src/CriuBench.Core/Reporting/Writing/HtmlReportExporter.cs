using System.Net;
using System.Text;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// report.html: one self-contained HTML5 file that opens from disk without a network: the styles
/// are inline and each chart is its SVG inlined (no scripts, no external CSS, fonts or images).
/// Written as well-formed XML too, so a test can parse it.
/// </summary>
internal sealed class HtmlReportExporter : IReportExporter
{
    private const string Style =
        "body{font-family:sans-serif;color:#222;line-height:1.45;max-width:1000px;margin:0 auto;padding:1em 1.5em}" +
        "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}" +
        ".table{overflow-x:auto}" +
        "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.85em}" +
        "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}" +
        "th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        "figure{margin:1em 0}figure svg{display:block;width:100%;height:auto;max-width:900px}" +
        "figcaption{font-size:.9em;color:#555}.missing{color:#a00}";

    public string FileName => RunFiles.ReportHtml;

    public string Export(ReportDocument document, string chartsDirectory)
    {
        var html = new StringBuilder();
        Line(html, "<!DOCTYPE html>");
        Line(html, "<html lang=\"en\">");
        Line(html, "<head>");
        Line(html, "<meta charset=\"utf-8\"/>");
        Line(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        Line(html, $"<title>{Text(document.Title)}</title>");
        Line(html, $"<style>{Style}</style>");
        Line(html, "</head>");
        Line(html, "<body>");
        Line(html, "<main>");
        Line(html, $"<h1>{Text(document.Title)}</h1>");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    Line(html, $"<h{h.Level}>{Text(h.Text)}</h{h.Level}>");
                    break;
                case Paragraph p:
                    Line(html, $"<p>{Text(p.Text)}</p>");
                    break;
                case BulletList list:
                    Line(html, "<ul>");
                    foreach (var item in list.Items) Line(html, $"<li>{Text(item)}</li>");
                    Line(html, "</ul>");
                    break;
                case Table t:
                    WriteTable(html, t);
                    break;
                case Figure f:
                    WriteFigure(html, f, chartsDirectory);
                    break;
                default:
                    throw new NotSupportedException($"no HTML for {block.GetType().Name}");
            }
        }
        Line(html, "</main>");
        Line(html, "</body>");
        Line(html, "</html>");
        return html.ToString();
    }

    private static void WriteTable(StringBuilder html, Table t)
    {
        string Class(int column) => t.Numeric[column] ? " class=\"num\"" : "";
        Line(html, "<div class=\"table\"><table>");
        Line(html, "<thead><tr>" + string.Concat(t.Headers.Select((h, i) => $"<th{Class(i)}>{Text(h)}</th>")) + "</tr></thead>");
        Line(html, "<tbody>");
        foreach (var row in t.Rows)
            Line(html, "<tr>" + string.Concat(row.Select((cell, i) => $"<td{Class(i)}>{Text(cell)}</td>")) + "</tr>");
        Line(html, "</tbody>");
        Line(html, "</table></div>");
    }

    private static void WriteFigure(StringBuilder html, Figure f, string chartsDirectory)
    {
        var name = f.Chart.FileName;
        Line(html, $"<figure id=\"{Text(name)}\">");
        var svg = Path.Combine(chartsDirectory, name + ".svg");
        Line(html, File.Exists(svg)
            ? SvgInliner.Inline(File.ReadAllText(svg), name, f.Chart.Title)
            : $"<p class=\"missing\">The chart {Text(name)}.svg was not drawn.</p>");
        Line(html, $"<figcaption>{Text(f.Caption)}</figcaption>");
        Line(html, "</figure>");
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');
}
