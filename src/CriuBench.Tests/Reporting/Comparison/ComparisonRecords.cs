using CriuBench.Measurements;
using CriuBench.Workloads;
using CriuBench.Workloads.Catalog;

namespace CriuBench.Tests.Reporting.Comparison;

/// <summary>Hand-made runs for the comparison report: a helper for one migration, and a run that touches every section.</summary>
internal static class ComparisonRecords
{
    /// <summary>A successful migration at <paramref name="linkRate"/> with the given stop time and sensible other numbers.</summary>
    public static MigrationRecord Migration(string workload, string strategy, double stopMs, string linkRate = "100mbit",
        int repetition = 1, string engine = "process", long imageBytes = 10 * 1024 * 1024, string parameters = "") =>
        SampleRecords.Successful(workload, engine, strategy, linkRate, repetition) with
        {
            Parameters = parameters,
            StopTimeMs = stopMs,
            CheckpointTimeMs = stopMs * 0.2,
            TransferTimeMs = stopMs * 0.6,
            RestoreTimeMs = stopMs * 0.2,
            ImageBytes = imageBytes,
            PageBytes = imageBytes - 8192,
            CriuFreezingTimeMs = engine is "runc" or "docker" ? 100.4 : 0.3,
            CriuFrozenTimeMs = stopMs * 0.1,
            CriuRestoreTimeMs = stopMs * 0.15,
        };

    /// <summary>The parameters column of the built-in memory allocator holding <paramref name="mib"/> MiB, as a run writes it.</summary>
    public static string Memory(int mib, int dirtyMibPerSecond = 0) =>
        WorkloadParameters.Render(BuiltinWorkloads.MemoryHog(mib, dirtyMibPerSecond).Parameters);

    /// <summary>
    /// counter and a memory sweep (memory-64m, memory-256m, memory-256m-d50) with tar and
    /// page-server at 100mbit and unlimited, five repetitions each, page-server always faster; a
    /// runc counter; one failure; one migration whose CRIU numbers exceed its stop time.
    /// </summary>
    public static IReadOnlyList<MigrationRecord> Run()
    {
        var records = new List<MigrationRecord>();
        (string Workload, long MiB, string Parameters)[] workloads =
            [("counter", 1, ""), ("memory-64m", 64, Memory(64)), ("memory-256m", 256, Memory(256)), ("memory-256m-d50", 256, Memory(256, 50))];
        foreach (var (workload, mib, parameters) in workloads)
        foreach (var linkRate in new[] { "100mbit", "unlimited" })
        foreach (var (strategy, factor) in new[] { ("tar", 1.5), ("page-server", 1.0) })
        for (var repetition = 1; repetition <= 5; repetition++)
        {
            var linkMs = linkRate == "100mbit" ? mib * 1024 * 1024 / 12.5e6 * 1000 : 0;
            var stop = (linkMs + 40 + 2 * mib) * factor * (1 + 0.02 * repetition) + (workload.EndsWith("-d50") ? 30 : 0);
            records.Add(Migration(workload, strategy, stop, linkRate, repetition, imageBytes: mib * 1024 * 1024 + 65536 + repetition, parameters: parameters));
        }
        for (var repetition = 1; repetition <= 5; repetition++)
            records.Add(Migration("counter", "tar", 300 + repetition, "100mbit", repetition, engine: "runc"));
        records[0] = records[0] with { CriuFrozenTimeMs = records[0].StopTimeMs, CriuRestoreTimeMs = 5 };
        records.Add(SampleRecords.Failed("restore: criu exited with 1", workload: "memory-64m", strategy: "tar", linkRate: "100mbit") with { Parameters = Memory(64) });
        return records;
    }
}
