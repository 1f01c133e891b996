using System.Text;
using CriuBench.Measurements;
using CriuBench.Vocabulary;
using CriuBench.Reporting.Comparison.Sections;
using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>
/// report.md and report.html: the run's strategies and modes compared. The first screen answers
/// (the environment in one line, the stop time of each strategy per workload and link rate with
/// its interval and ratio to tar, what could not be measured here, what wins where); then the
/// physical limit, the charts, where the stop time goes, live migration, what services' clients saw, the memory sweep, the
/// CRIU cross-check and the environment in full. The sections build one document; ScottPlot
/// draws its charts into charts/ in-process; each exporter writes it in its format. The same rows
/// always give the same bytes.
/// </summary>
public sealed class ComparisonReport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    internal static IReadOnlyList<IReportSection> Sections { get; } =
    [
        new OverviewSection(),
        new HeadlineSection(),
        new WhatWinsWhereSection(),
        new PhysicalLimitSection(),
        new StopTimeSection(),
        new StopTimeShareSection(),
        new WinnersSection(),
        new LiveMigrationSection(),
        new ServicesSection(),
        new MemorySweepSection(),
        new CriuCrossCheckSection(),
        new EnvironmentSection(),
    ];

    internal static IReadOnlyList<IReportExporter> Exporters { get; } = [new MarkdownReportExporter(), new HtmlReportExporter()];

    /// <summary>Draws the report's charts into runDirectory/charts and writes report.md and report.html.</summary>
    public async Task WriteAsync(string runDirectory, IReadOnlyList<MigrationRecord> records, IReadOnlyList<SummaryRow> summary,
        RunEnvironment environment, IReadOnlyList<RefusedCell>? refused = null, IReadOnlyList<ClientSampleRecord>? clientTimeline = null,
        CancellationToken cancellationToken = default)
    {
        var document = Build(records, summary, environment, refused, clientTimeline);
        var charts = Path.Combine(runDirectory, RunFiles.ChartsDirectory);
        await ChartRenderer.WriteAsync(charts, document.Charts, cancellationToken);
        foreach (var exporter in Exporters)
            await File.WriteAllTextAsync(Path.Combine(runDirectory, exporter.FileName), exporter.Export(document, charts), Utf8, cancellationToken);
    }

    internal static ReportDocument Build(IReadOnlyList<MigrationRecord> records, IReadOnlyList<SummaryRow> summary, RunEnvironment environment,
        IReadOnlyList<RefusedCell>? refused = null, IReadOnlyList<ClientSampleRecord>? clientTimeline = null)
    {
        var data = new ComparisonData(records, summary, environment, refused, clientTimeline);
        var runIds = records.Select(r => r.RunId).Distinct().ToList();
        var title = runIds.Count == 0 ? "CriuBench comparison" : $"CriuBench comparison: {string.Join(", ", runIds)}";
        return new ReportDocument(title, Sections.SelectMany(s => s.Build(data)).ToList());
    }

    /// <summary>The first table of the report as plain text for a terminal (what `run` ends with).</summary>
    public static string HeadlineText(IReadOnlyList<MigrationRecord> records, RunEnvironment environment, IReadOnlyList<RefusedCell>? refused = null)
    {
        var document = Build(records, Summarizer.Summarize(records), environment, refused);
        return TextTable.Headline(document);
    }
}
