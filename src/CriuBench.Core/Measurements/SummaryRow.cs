namespace CriuBench.Measurements;

/// <summary>
/// One metric of one configuration (workload, engine, strategy, mode, link rate): one row of summary.csv.
/// Statistics are over the successful migrations that know the metric; <see cref="Failures"/>
/// counts the configuration's failed migrations. <see cref="Parameters"/> is the workload's
/// parameters column (e.g. mib=256;dirty_mib_per_s=50), "" for none or for files written before it.
/// </summary>
public sealed record SummaryRow(
    string Workload,
    string Engine,
    string Strategy,
    string Mode,
    string LinkRate,
    string Metric,
    string Unit,
    int N,
    int Failures,
    double Median,
    double P95,
    double Min,
    double Max,
    double Mean,
    double StdDev,
    string Parameters = "");
