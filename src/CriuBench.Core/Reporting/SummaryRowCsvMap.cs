using CriuBench.Measurements;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>The snake_case columns of summary.csv (CsvHelper 34 generates the reader and writer from these stand-ins).</summary>
[CsvRecordMap(typeof(SummaryRow))]
internal sealed partial class SummaryRowCsvMap
{
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    [CsvColumn("engine")] public string Engine { get; set; } = "";
    [CsvColumn("strategy")] public string Strategy { get; set; } = "";
    // Optional: summaries written before modes existed hold cold migrations only.
    [CsvColumn("mode", Optional = true)] public string Mode { get; set; } = "cold";
    [CsvColumn("link_rate")] public string LinkRate { get; set; } = "";
    [CsvColumn("metric")] public string Metric { get; set; } = "";
    [CsvColumn("unit")] public string Unit { get; set; } = "";
    [CsvColumn("n")] public int N { get; set; }
    [CsvColumn("failures")] public int Failures { get; set; }
    [CsvColumn("median")] public double Median { get; set; }
    [CsvColumn("p95")] public double P95 { get; set; }
    [CsvColumn("min")] public double Min { get; set; }
    [CsvColumn("max")] public double Max { get; set; }
    [CsvColumn("mean")] public double Mean { get; set; }
    [CsvColumn("std_dev")] public double StdDev { get; set; }
    // Last, as SummaryRow declares it; optional: summaries written before the parameters column have none.
    [CsvColumn("parameters", Optional = true)] public string Parameters { get; set; } = "";
}
