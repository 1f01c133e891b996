using System.Globalization;

namespace CriuBench.Reporting.Comparison.Sections;

/// <summary>Under the title: where it was measured in one line (the details close the report), and the contents.</summary>
internal sealed class OverviewSection : IReportSection
{
    public IEnumerable<ReportBlock> Build(ComparisonData data)
    {
        var e = data.Environment;
        var failed = data.Records.Count(r => !r.Succeeded);
        var parts = new List<string>
        {
            e.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            e.HostKind,
            $"kernel {e.Kernel}",
            $"CRIU {e.CriuVersion}",
        };
        if (e.RuncVersion is { } runc) parts.Add($"runc {runc}");
        parts.Add($"{ReportFormat.Count(e.Cores)} cores, {e.MemoryGiB.ToString("0.#", CultureInfo.InvariantCulture)} GiB");
        parts.Add($"{ReportFormat.Count(data.Records.Count)} migrations, {ReportFormat.Count(failed)} failed");
        yield return new Paragraph("Measured " + string.Join(" · ", parts) + " (details under Environment, at the end).");
        yield return new Contents();
    }
}
