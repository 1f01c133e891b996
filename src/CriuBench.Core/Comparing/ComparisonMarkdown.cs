using System.Text;

namespace CriuBench.Comparing;

/// <summary>The comparison as Markdown (a CI job summary, a pull request comment).</summary>
public static class ComparisonMarkdown
{
    public static string Render(RunComparison c)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {c.New.Name} against {c.Base.Name}").AppendLine();
        md.AppendLine($"**{Escape(c.VerdictLine)}**").AppendLine();
        foreach (var line in ComparisonTable.Runs(c)) md.AppendLine($"- {Escape(line)}");
        md.AppendLine();
        var header = ComparisonTable.Header(c);
        md.AppendLine(Row(header));
        md.AppendLine(Row(header.Select((_, i) => i >= 6 ? "---:" : "---")));
        foreach (var row in ComparisonTable.Rows(c)) md.AppendLine(Row(row));
        var notes = ComparisonTable.Notes(c).ToList();
        if (notes.Count > 0) md.AppendLine();
        foreach (var note in notes) md.AppendLine($"- {Escape(note)}");
        return md.ToString();
    }

    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Select(Escape))} |";

    private static string Escape(string text) => text.Replace("|", "\\|");
}
