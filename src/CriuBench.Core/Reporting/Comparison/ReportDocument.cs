namespace CriuBench.Reporting.Comparison;

/// <summary>
/// The comparison report as format-free blocks: sections build it once, and each
/// exporter (Reporting.Writing) writes it in its own format (Markdown, HTML).
/// </summary>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public IReadOnlyList<IChart> Charts => Blocks.OfType<Figure>().Select(f => f.Chart).ToList();
}

internal abstract record ReportBlock;

/// <param name="Level">2 for a section, 3 below it (the document's title is level 1).</param>
internal sealed record Heading(int Level, string Text) : ReportBlock;

/// <summary>Plain text; exporters escape it.</summary>
internal sealed record Paragraph(string Text) : ReportBlock;

internal sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <param name="Numeric">Per column: right-aligned numbers.</param>
internal sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<bool> Numeric, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    public static Table Of(IReadOnlyList<(string Header, bool Numeric)> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        if (list.Any(r => r.Count != columns.Count)) throw new ArgumentException("every row needs one cell per column", nameof(rows));
        return new Table(columns.Select(c => c.Header).ToList(), columns.Select(c => c.Numeric).ToList(), list);
    }

    /// <summary>
    /// The table without those of <paramref name="candidates"/> (by header) that hold one value in
    /// every row (or none at all), and a sentence naming what they held ("Every row: engine process, mode cold."), null when none went.
    /// </summary>
    public (Table Table, string? Note) WithoutConstant(params string[] candidates)
    {
        var drop = new List<int>();
        var said = new List<string>();
        for (var i = 0; i < Headers.Count; i++)
        {
            if (!candidates.Contains(Headers[i])) continue;
            var values = Rows.Select(r => r[i]).Distinct().ToList();
            if (Rows.Count == 0 || values.Count > 1) continue;
            drop.Add(i);
            if (values[0].Length > 0) said.Add($"{Headers[i]} {values[0]}");
        }
        if (drop.Count == 0) return (this, null);
        var keep = Enumerable.Range(0, Headers.Count).Where(i => !drop.Contains(i)).ToList();
        var table = new Table(keep.Select(i => Headers[i]).ToList(), keep.Select(i => Numeric[i]).ToList(),
            Rows.Select(r => (IReadOnlyList<string>)keep.Select(i => r[i]).ToList()).ToList());
        return (table, said.Count == 0 ? null : "Every row: " + string.Join(", ", said) + ".");
    }

    /// <summary>The table without those of <paramref name="candidates"/> (by header) that are empty in every row.</summary>
    public Table WithoutEmpty(params string[] candidates)
    {
        var keep = Enumerable.Range(0, Headers.Count).Where(i => !candidates.Contains(Headers[i]) || Rows.Any(r => r[i].Length > 0)).ToList();
        return keep.Count == Headers.Count ? this : new Table(keep.Select(i => Headers[i]).ToList(), keep.Select(i => Numeric[i]).ToList(),
            Rows.Select(r => (IReadOnlyList<string>)keep.Select(i => r[i]).ToList()).ToList());
    }

    /// <summary>The table, then the note on what constant columns were dropped.</summary>
    public IEnumerable<ReportBlock> Compact(params string[] candidates)
    {
        var (table, note) = WithoutConstant(candidates);
        yield return table;
        if (note is not null) yield return new Paragraph(note);
    }
}

/// <summary>A chart drawn into charts/ (PNG and SVG), shown with its caption; figures in a row are laid out side by side.</summary>
internal sealed record Figure(IChart Chart, string Caption) : ReportBlock;

/// <summary>The report's contents: one link per section heading, drawn where it stands (HTML: a line of links; Markdown: a list).</summary>
internal sealed record Contents : ReportBlock;
