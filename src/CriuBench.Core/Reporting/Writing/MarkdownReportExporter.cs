using System.Text;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>report.md: the document as GitHub-flavoured Markdown, charts linked as charts/&lt;name&gt;.png.</summary>
internal sealed class MarkdownReportExporter : IReportExporter
{
    public string FileName => RunFiles.ReportMarkdown;

    public string Export(ReportDocument document, string chartsDirectory)
    {
        var md = new StringBuilder();
        Line(md, "# " + OneLine(document.Title));
        foreach (var block in document.Blocks)
        {
            Line(md);
            switch (block)
            {
                case Heading h:
                    Line(md, new string('#', h.Level) + " " + OneLine(h.Text));
                    break;
                case Paragraph p:
                    Line(md, Inline(p.Text));
                    break;
                case BulletList list:
                    foreach (var item in list.Items) Line(md, "- " + Inline(item));
                    break;
                case Table t:
                    Line(md, "| " + string.Join(" | ", t.Headers.Select(Cell)) + " |");
                    Line(md, "|" + string.Join("|", t.Numeric.Select(n => n ? "---:" : "---")) + "|");
                    foreach (var row in t.Rows) Line(md, "| " + string.Join(" | ", row.Select(Cell)) + " |");
                    break;
                case Contents:
                    Line(md, "Contents: " + string.Join(" · ", document.Blocks.OfType<Heading>().Where(h => h.Level == 2).Select(h => Inline(h.Text))));
                    break;
                case Figure f:
                    Line(md, $"![{Inline(f.Chart.Title)}]({RunFiles.ChartsDirectory}/{f.Chart.FileName}.png)");
                    Line(md);
                    Line(md, "*" + Inline(f.Caption) + "*");
                    break;
                default:
                    throw new NotSupportedException($"no Markdown for {block.GetType().Name}");
            }
        }
        return md.ToString();
    }

    /// <summary>
    /// Text that Markdown shows as written: \ * ` &lt; | are escaped everywhere, _ where it could start
    /// or end emphasis (not inside snake_case words), # - + &gt; at the start of the text.
    /// </summary>
    private static string Inline(string text)
    {
        var line = OneLine(text);
        var escaped = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var intraword = c == '_' && i > 0 && i < line.Length - 1 && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1]);
            if (c is '\\' or '*' or '`' or '<' or '|' || (c == '_' && !intraword) || (i == 0 && c is '#' or '-' or '+' or '>'))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Cell(string text) => Inline(text);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
