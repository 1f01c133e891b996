namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Where the numbers were measured: the same rows as summary.md's environment table.</summary>
internal sealed class EnvironmentSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Environment");
        yield return Table.Of([("item", false), ("value", false)],
            EnvironmentRows.Of(data.Environment).Select(row => (IReadOnlyList<string>)[row.Name, row.Value]));
        var failed = data.Records.Count(r => !r.Succeeded);
        yield return new Paragraph(
            $"Migrations: {ReportFormat.Count(data.Records.Count)} ({ReportFormat.Count(data.Records.Count - failed)} succeeded, {ReportFormat.Count(failed)} failed). " +
            "Statistics use the successful ones; summary.md has every metric's table.");
    }
}
