using System.Text;
using CriuBench.Execution;
using CriuBench.Measurements;
using CriuBench.Reporting.Comparison.Sections;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// report.md and report.html: the run's strategies and modes compared, section by section
/// (environment, what wins where, the physical limit, stop and transfer times, winners, live
/// migration and its crossover, the memory sweep, the CRIU cross-check). The sections build one document; gnuplot draws its charts into charts/; each
/// exporter writes it in its format. The same rows always give the same bytes.
/// </summary>
public sealed class ComparisonReport(ICommandRunner runner, string gnuplot = "gnuplot")
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal static IReadOnlyList<IReportSection> Sections { get; } =
    [
        new EnvironmentSection(),
        new WhatWinsWhereSection(),
        new PhysicalLimitSection(),
        new StopTimeSection(),
        new StopTimeShareSection(),
        new WinnersSection(),
        new LiveMigrationSection(),
        new MemorySweepSection(),
        new CriuCrossCheckSection(),
    ];

    internal static IReadOnlyList<IReportExporter> Exporters { get; } = [new MarkdownReportExporter(), new HtmlReportExporter()];

    /// <summary>Draws the report's charts into runDirectory/charts and writes report.md and report.html.</summary>
    public async Task WriteAsync(string runDirectory, IReadOnlyList<MigrationRecord> records, IReadOnlyList<SummaryRow> summary,
        RunEnvironment environment, CancellationToken cancellationToken = default)
    {
        var document = Build(records, summary, environment);
        var charts = Path.Combine(runDirectory, RunFiles.ChartsDirectory);
        await new GnuplotRenderer(runner, gnuplot).DrawAsync(charts, document.Charts, cancellationToken);
        foreach (var exporter in Exporters)
            await File.WriteAllTextAsync(Path.Combine(runDirectory, exporter.FileName), exporter.Export(document, charts), Utf8, cancellationToken);
    }

    internal static ReportDocument Build(IReadOnlyList<MigrationRecord> records, IReadOnlyList<SummaryRow> summary, RunEnvironment environment)
    {
        var data = new ComparisonData(records, summary, environment);
        var runIds = records.Select(r => r.RunId).Distinct().ToList();
        var title = runIds.Count == 0 ? "CriuBench comparison" : $"CriuBench comparison: {string.Join(", ", runIds)}";
        return new ReportDocument(title, Sections.SelectMany(s => s.Build(data)).ToList());
    }
}
