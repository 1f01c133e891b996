using CriuBench.Measurements;

namespace CriuBench.Tests.Reporting;

/// <summary>Migration rows for tests: a minimal successful one to vary with `with`, and a small realistic run.</summary>
internal static class SampleRecords
{
    public static MigrationRecord Successful(
        string workload = "counter", string engine = "criu", string strategy = "tar", string linkRate = "1gbit", int repetition = 1) => new()
    {
        RunId = "run-1",
        Repetition = repetition,
        Workload = workload,
        Engine = engine,
        Strategy = strategy,
        Source = "a",
        Destination = "b",
        LinkRate = linkRate,
        HostKind = "lab",
        Succeeded = true,
        WorkloadRunsOn = "b",
    };

    public static MigrationRecord Failed(string reason, string workload = "counter", string strategy = "tar", string linkRate = "1gbit") =>
        Successful(workload, strategy: strategy, linkRate: linkRate) with { Succeeded = false, FailureReason = reason, WorkloadRunsOn = "a" };

    /// <summary>Two workloads × two strategies × three repetitions, one failure, every field used somewhere.</summary>
    public static IReadOnlyList<MigrationRecord> SmallRun()
    {
        var records = new List<MigrationRecord>();
        var workloads = new[] { ("counter", 4_194_304L), ("memhog", 268_435_456L) };
        var strategies = new[] { ("tar", 1.0), ("page-server", 0.6) };
        foreach (var (workload, bytes) in workloads)
        foreach (var (strategy, factor) in strategies)
        for (var repetition = 1; repetition <= 3; repetition++)
        {
            var scale = factor * (1 + 0.1 * repetition) * (bytes / 4_194_304.0);
            records.Add(Successful(workload, strategy: strategy, repetition: repetition) with
            {
                Source = repetition % 2 == 1 ? "a" : "b",
                Destination = repetition % 2 == 1 ? "b" : "a",
                WorkloadRunsOn = repetition % 2 == 1 ? "b" : "a",
                StopTimeMs = 100.1 * scale,
                CheckpointTimeMs = 40.3 * scale,
                TransferTimeMs = 30.7 * scale,
                RestoreTimeMs = 29.1 * scale,
                TotalTimeMs = 150.25 * scale,
                ImageBytes = bytes + repetition * 4096,
                PageBytes = bytes,
                TransferredBytes = bytes + 10_240,
                CounterGap = 0,
                AppDowntimeMs = workload == "memhog" ? 101.5 * scale : null,
                CriuFreezingTimeMs = 0.4 * scale,
                CriuFrozenTimeMs = 35.2 * scale,
                CriuMemdumpTimeMs = 20.9 * scale,
                CriuMemwriteTimeMs = 18.2 * scale,
                CriuPagesScanned = bytes / 4096 + 17 + repetition,
                CriuPagesWritten = bytes / 4096,
                CriuRestoreTimeMs = 25.0 * scale,
                CriuForkingTimeMs = 1.3 * scale,
                CriuPagesRestored = bytes / 4096 - 3,
            });
        }
        records.Add(Failed("restore: criu exited with 1: Can't open \"pages-1.img\", | and a comma", workload: "memhog", strategy: "page-server"));
        return records;
    }
}
