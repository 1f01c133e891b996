namespace CriuBench.Reporting.Comparison;

/// <summary>
/// The comparison report as format-free blocks: sections build it once, and each
/// exporter (Reporting.Writing) writes it in its own format (Markdown, HTML).
/// </summary>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public IReadOnlyList<IGnuplotChart> Charts => Blocks.OfType<Figure>().Select(f => f.Chart).ToList();
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
}

/// <summary>A chart drawn by gnuplot into charts/, shown with its caption.</summary>
internal sealed record Figure(IGnuplotChart Chart, string Caption) : ReportBlock;
