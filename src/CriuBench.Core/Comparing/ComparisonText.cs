using System.Text;

namespace CriuBench.Comparing;

/// <summary>The comparison for a terminal or a CI log: the runs, an aligned table, the notes, the verdict.</summary>
public static class ComparisonText
{
    public static string Render(RunComparison c)
    {
        var text = new StringBuilder();
        foreach (var line in ComparisonTable.Runs(c)) text.AppendLine(line);
        text.AppendLine();
        var rows = ComparisonTable.Rows(c).Prepend(ComparisonTable.Header(c)).ToList();
        var widths = Enumerable.Range(0, rows[0].Count).Select(i => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        var notes = ComparisonTable.Notes(c).ToList();
        if (notes.Count > 0) text.AppendLine();
        foreach (var note in notes) text.AppendLine(note);
        text.AppendLine();
        text.AppendLine(c.VerdictLine);
        return text.ToString();
    }
}
