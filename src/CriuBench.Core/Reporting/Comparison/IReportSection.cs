namespace CriuBench.Reporting.Comparison;

/// <summary>One section of the comparison report: a heading and what follows it, built from the run's data.</summary>
internal interface IReportSection
{
    IEnumerable<ReportBlock> Build(ComparisonData data);
}
