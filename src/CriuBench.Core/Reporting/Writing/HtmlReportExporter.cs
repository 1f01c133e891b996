using System.Net;
using System.Text;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// report.html: one self-contained HTML5 file that opens from disk without a network: the styles
/// are inline and each chart is its SVG inlined (no scripts, no external CSS, fonts or images).
/// The page uses the window's width (tables are not cut at 1400 px, nor in print), figures in a
/// row sit side by side, and a line of contents links every section. Written as well-formed XML
/// too, so a test can parse it.
/// </summary>
internal sealed class HtmlReportExporter : IReportExporter
{
    private const string Style =
        "body{font-family:'DejaVu Sans',sans-serif;color:#222;line-height:1.4;max-width:1800px;margin:0 auto;padding:.6em 1.2em;font-size:15px}" +
        "h1{font-size:1.45em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}h3{font-size:1.05em}" +
        "p{margin:.4em 0 .6em}p.lead{color:#444;font-size:.93em;margin-top:0}" +
        "nav.toc{font-size:.85em;color:#555;margin:.2em 0 .6em}nav.toc a{color:#1a5fb4;text-decoration:none;margin-right:.9em;white-space:nowrap}" +
        "table{border-collapse:collapse;margin:.4em 0 .6em;font-size:.86em}" +
        "th,td{border:1px solid #ccc;padding:.15em .45em;text-align:left;vertical-align:top}" +
        "th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        "td:first-child{white-space:nowrap}tr.group td{border-top:2px solid #888}" +
        ".figures{display:flex;flex-wrap:wrap;gap:.5em 1.2em;align-items:flex-start}" +
        "figure{margin:.6em 0;max-width:100%}figure svg{display:block;max-width:100%;height:auto}" +
        "figcaption{font-size:.85em;color:#555;max-width:900px}.missing{color:#a00}" +
        "@media print{body{max-width:none;font-size:11px;padding:0}table{font-size:.8em;page-break-inside:auto}tr{page-break-inside:avoid}nav.toc{display:none}figure{page-break-inside:avoid}}";

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
        var ids = HeadingIds(document);
        var inFigures = false;
        var first = true;
        foreach (var block in document.Blocks)
        {
            if (block is Figure && !inFigures) { Line(html, "<div class=\"figures\">"); inFigures = true; }
            if (block is not Figure && inFigures) { Line(html, "</div>"); inFigures = false; }
            switch (block)
            {
                case Heading h:
                    Line(html, $"<h{h.Level} id=\"{ids[h]}\">{Text(h.Text)}</h{h.Level}>");
                    break;
                case Paragraph p:
                    Line(html, first ? $"<p class=\"lead\">{Text(p.Text)}</p>" : $"<p>{Text(p.Text)}</p>");
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
                case Contents:
                    Line(html, "<nav class=\"toc\">" + string.Join(" ", document.Blocks.OfType<Heading>().Where(h => h.Level == 2)
                        .Select(h => $"<a href=\"#{ids[h]}\">{Text(h.Text)}</a>")) + "</nav>");
                    break;
                default:
                    throw new NotSupportedException($"no HTML for {block.GetType().Name}");
            }
            first = false;
        }
        if (inFigures) Line(html, "</div>");
        Line(html, "</main>");
        Line(html, "</body>");
        Line(html, "</html>");
        return html.ToString();
    }

    /// <summary>An id per heading from its words ("what-wins-where"), numbered when two are the same.</summary>
    internal static Dictionary<Heading, string> HeadingIds(ReportDocument document)
    {
        var ids = new Dictionary<Heading, string>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Blocks.OfType<Heading>())
        {
            var slug = "s-" + string.Join('-', new string(heading.Text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var id = slug;
            for (var n = 2; !used.Add(id); n++) id = $"{slug}-{n}";
            ids[heading] = id;
        }
        return ids;
    }

    private static void WriteTable(StringBuilder html, Table t)
    {
        string Class(int column) => t.Numeric[column] ? " class=\"num\"" : "";
        Line(html, "<table>");
        Line(html, "<thead><tr>" + string.Concat(t.Headers.Select((h, i) => $"<th{Class(i)}>{Text(h)}</th>")) + "</tr></thead>");
        Line(html, "<tbody>");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var row = t.Rows[r];
            // A new group (its first cell filled after rows with it blank) gets a heavier line above it.
            var group = r > 0 && row[0].Length > 0 && t.Rows.Any(other => other[0].Length == 0);
            Line(html, (group ? "<tr class=\"group\">" : "<tr>") + string.Concat(row.Select((cell, i) => $"<td{Class(i)}>{Text(cell)}</td>")) + "</tr>");
        }
        Line(html, "</tbody>");
        Line(html, "</table>");
    }

    private static void WriteFigure(StringBuilder html, Figure f, string chartsDirectory)
    {
        var name = f.Chart.FileName;
        Line(html, $"<figure id=\"{Text(name)}\" style=\"width:{f.Chart.Width}px\">");
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
