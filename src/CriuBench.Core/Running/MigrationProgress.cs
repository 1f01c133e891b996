using System.Globalization;
using CriuBench.Measurements;
using CriuBench.Vocabulary;

namespace CriuBench.Running;

/// <summary>One line per finished migration, so a long run can be followed.</summary>
public static class MigrationProgress
{
    public static string Describe(int done, int total, MigrationRecord row)
    {
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        var how = row.Mode == ModeNames.Cold ? row.Strategy : $"{row.Strategy} {row.Mode}";
        var head = $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total}] {row.Workload,-12} {how,-11} {row.Direction,-9} {row.LinkRate,-9}";
        if (!row.Succeeded) return $"{head} FAILED: {row.FailureReason} (workload runs on {row.WorkloadRunsOn})";
        var parts = new List<string> { $"stop {row.StopTimeMs:0.0} ms", $"image {Mib(row.ImageBytes)}", $"gap {row.CounterGap}" };
        if (row.AppDowntimeMs is { } downtime) parts.Add($"app downtime {downtime:0.0} ms");
        if (row.AllPagesTimeMs is { } allPages) parts.Add($"all pages {allPages:0.0} ms");
        if (row.PostRestoreStallMs is { } stall) parts.Add($"stall {stall:0.0} ms");
        return $"{head} {string.Join("  ", parts)}";
    }

    private static string Mib(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.00} MiB") : "?";
}
