using System.Text;
using CriuBench.Reporting.Comparison;
using CriuBench.Reporting.Comparison.Sections;

namespace CriuBench.Reporting.Writing;

/// <summary>The report's headline as aligned plain text, for the end of a run on a terminal.</summary>
internal static class TextTable
{
    /// <summary>The headline section's table (columns padded, numbers right-aligned) and its short lines; the long explanation stays in the report.</summary>
    public static string Headline(ReportDocument document)
    {
        var text = new StringBuilder();
        var inside = false;
        foreach (var block in document.Blocks)
        {
            if (block is Heading h)
            {
                if (inside) break;
                inside = h.Text == HeadlineSection.HeadingText;
                if (inside) text.Append(h.Text).Append('\n');
                continue;
            }
            if (!inside) continue;
            switch (block)
            {
                case Table t:
                    Write(text, t);
                    break;
                case Paragraph p when p.Text.StartsWith("All at ", StringComparison.Ordinal) || p.Text.StartsWith("Not measured here", StringComparison.Ordinal):
                    text.Append(p.Text).Append('\n');
                    break;
                case Paragraph p when p.Text.StartsWith("No migration", StringComparison.Ordinal):
                    text.Append(p.Text).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }

    private static void Write(StringBuilder text, Table t)
    {
        var widths = t.Headers.Select((h, i) => Math.Max(h.Length, t.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToList();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => t.Numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        text.Append(Line(t.Headers)).Append('\n');
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in t.Rows) text.Append(Line(row)).Append('\n');
    }
}
