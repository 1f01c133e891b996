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
    /// <summary>
    /// Watches the output for 1 s plus ten of the workload's intervals, and at least
    /// <see cref="SlowHostReads"/> times as long as one read of its size took: on a slow host (a VM
    /// under TCG, where a read over ssh takes 100-300 ms and a busy guest may not schedule the
    /// workload for a second) a fixed second would call a live workload dead, and a failure path
    /// would then stop the only copy.
    /// </summary>
    public static async Task<bool> IsProgressingAsync(RunningWorkload workload, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = await SizeAsync(workload, ct);
        if (before is null) return false;
        var limit = Max(TimeSpan.FromSeconds(1) + 10 * workload.Spec.Interval, SlowHostReads * clock.Elapsed);
        while (clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(workload.Spec.Interval.TotalMilliseconds, 5, 100)), ct);
            if (await SizeAsync(workload, ct) is { } now && now > before) return true;
        }
        return false;
    }

    /// <summary>How many reads of the output's size the watch lasts at least.</summary>
    public const int SlowHostReads = 10;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<long?> SizeAsync(RunningWorkload workload, CancellationToken ct)
    {
        try { return await workload.OutputHost.FileSizeAsync(workload.OutputFile, ct); }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e)) { return null; }
    }
}
