using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// Whether a workload really runs: its output grows. A process that exists but is frozen, or a
/// container that exists but is stopped, does not count; after a failure this decides whether a
/// row may say "the workload runs on X".
/// </summary>
public static class WorkloadLiveness
{
    public static async Task<bool> IsProgressingAsync(RunningWorkload workload, CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(1) + 10 * workload.Spec.Interval;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = await SizeAsync(workload, ct);
        if (before is null) return false;
        while (clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(workload.Spec.Interval.TotalMilliseconds, 5, 100)), ct);
            if (await SizeAsync(workload, ct) is { } now && now > before) return true;
        }
        return false;
    }

    private static async Task<long?> SizeAsync(RunningWorkload workload, CancellationToken ct)
    {
        try { return await workload.Host.FileSizeAsync(workload.OutputFile, ct); }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e)) { return null; }
    }
}
