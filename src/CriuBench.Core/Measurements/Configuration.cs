using CriuBench.Vocabulary;

namespace CriuBench.Measurements;

/// <summary>
/// The key of the summary and of every report table: one workload on one engine with one strategy,
/// in one mode, at one link rate. Declared once, for the summarizer and the comparison report.
/// </summary>
public sealed record Configuration(string Workload, string Engine, string Strategy, string Mode, string LinkRate)
{
    public static Configuration Of(MigrationRecord r) => new(r.Workload, r.Engine, r.Strategy, r.Mode, r.LinkRate);

    public static Configuration Of(SummaryRow r) => new(r.Workload, r.Engine, r.Strategy, r.Mode, r.LinkRate);

    public static Configuration Of(ClientSampleRecord r) => new(r.Workload, r.Engine, r.Strategy, r.Mode, r.LinkRate);

    /// <summary>Stop and copy: the only mode the stop-and-copy bound and CRIU's frozen-time cross-check hold for.</summary>
    public bool IsCold => Mode == ModeNames.Cold;

    /// <summary>
    /// The configurations of <paramref name="records"/>, ordered by workload, engine, strategy, mode
    /// and link rate, each in the order it first appears, so reruns give the same order.
    /// </summary>
    public static IEnumerable<IGrouping<Configuration, MigrationRecord>> InOrder(IReadOnlyList<MigrationRecord> records)
    {
        var workloads = FirstAppearance(records, r => r.Workload);
        var engines = FirstAppearance(records, r => r.Engine);
        var strategies = FirstAppearance(records, r => r.Strategy);
        var modes = FirstAppearance(records, r => r.Mode);
        var linkRates = FirstAppearance(records, r => r.LinkRate);
        return records
            .GroupBy(Of)
            .OrderBy(g => workloads[g.Key.Workload])
            .ThenBy(g => engines[g.Key.Engine])
            .ThenBy(g => strategies[g.Key.Strategy])
            .ThenBy(g => modes[g.Key.Mode])
            .ThenBy(g => linkRates[g.Key.LinkRate]);
    }

    private static Dictionary<string, int> FirstAppearance(IEnumerable<MigrationRecord> records, Func<MigrationRecord, string> key)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records) order.TryAdd(key(record), order.Count);
        return order;
    }
}
