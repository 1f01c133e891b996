namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Where the numbers were measured: the same rows as summary.md's environment table.</summary>
internal sealed class EnvironmentSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        yield return new Heading(2, "Environment");
        yield return Table.Of([("item", false), ("value", false)],
            EnvironmentRows.Of(data.Environment).Select(row => (IReadOnlyList<string>)[row.Name, row.Value]));
        if (data.Environment.Hosts.Count > 0)
        {
            // One column per host: a difference (kernel, CRIU, a feature) is read across a row.
            var hosts = data.Environment.Hosts;
            var fields = hosts.Select(EnvironmentHostRows.Fields).ToList();
            yield return new Paragraph("Each host as probed before the first migration:");
            yield return Table.Of([("", false), .. hosts.Select(host => (host.Host, false))],
                fields[0].Skip(1).Select((field, row) => (IReadOnlyList<string>)[field.Name, .. fields.Select(host => host[row + 1].Value)]));
        }
        var failed = data.Records.Count(r => !r.Succeeded);
        yield return new Paragraph(
            $"Migrations: {ReportFormat.Count(data.Records.Count)} ({ReportFormat.Count(data.Records.Count - failed)} succeeded, {ReportFormat.Count(failed)} failed). " +
            "Statistics use the successful ones; summary.md has every metric's table.");
    }
}
