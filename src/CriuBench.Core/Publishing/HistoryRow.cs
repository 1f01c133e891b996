namespace CriuBench.Publishing;

/// <summary>
/// One headline median of one published run: a configuration's median stop time. history.csv on
/// the site holds one per configuration and run; the trend chart and the index read it.
/// </summary>
public sealed record HistoryRow(
    string RunId,
    DateTimeOffset StartedAt,
    string CriuVersion,
    string Workload,
    string Engine,
    string Strategy,
    string Mode,
    string LinkRate,
    int N,
    double MedianStopTimeMs)
{
    /// <summary>The configuration as the trend chart's legend names it.</summary>
    public string Series => $"{Workload} ({Engine}) {Strategy} {Mode} {LinkRate}";
}
