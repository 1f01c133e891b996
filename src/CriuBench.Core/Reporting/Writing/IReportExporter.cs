using CriuBench.Reporting.Comparison;

namespace CriuBench.Reporting.Writing;

/// <summary>Writes a <see cref="ReportDocument"/> in one format, like BenchmarkDotNet's exporters.</summary>
internal interface IReportExporter
{
    /// <summary>The file's name in the run directory.</summary>
    string FileName { get; }

    /// <param name="chartsDirectory">Where the charts were drawn (the run directory's charts/).</param>
    string Export(ReportDocument document, string chartsDirectory);
}
