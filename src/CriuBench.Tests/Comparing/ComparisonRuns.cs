using CriuBench.Comparing;
using CriuBench.Measurements;
using CriuBench.Tests.Reporting;

namespace CriuBench.Tests.Comparing;

/// <summary>Runs for comparison tests: a few configurations, each with scattered stop times (no two alike).</summary>
internal static class ComparisonRuns
{
    public static readonly string[] Workloads = ["counter", "timestamps", "memory"];

    /// <summary>Every workload with tar and sshfs, <paramref name="repetitions"/> each; times scaled by <paramref name="scale"/>.</summary>
    public static IReadOnlyList<MigrationRecord> Records(double scale = 1, int repetitions = 5, string[]? workloads = null, string run = "run")
    {
        var records = new List<MigrationRecord>();
        var index = 0;
        foreach (var workload in workloads ?? Workloads)
        foreach (var (strategy, baseMs) in new[] { ("tar", 100.0), ("sshfs", 400.0) })
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            // Scatter of ±4% in a fixed order, so runs differ only by what a test changes.
            var jitter = 1 + 0.04 * Math.Sin(1.7 * ++index);
            var stop = baseMs * (workload.Length / 7.0) * jitter * scale;
            records.Add(SampleRecords.Successful(workload, engine: "process", strategy: strategy, repetition: repetition) with
            {
                RunId = run,
                StopTimeMs = stop,
                CheckpointTimeMs = stop * 0.4,
                TransferTimeMs = stop * 0.3,
                RestoreTimeMs = stop * 0.3,
            });
        }
        return records;
    }

    public static ComparedRun Run(string name, IReadOnlyList<MigrationRecord> records, string criu = "4.2.1") =>
        new(name, criu, "lab-netns", records);
}
