namespace CriuBench.Workloads;

/// <summary>
/// A restore that has returned with the workload running again, before the harness has found it:
/// the stop window ends here, and <see cref="LocateAsync"/> (e.g. reading the PID CRIU wrote) runs
/// after it. A workload is only had through <see cref="LocateAsync"/>, so no caller can skip it.
/// </summary>
public sealed class ResumedWorkload(Func<CancellationToken, Task<RunningWorkload>> locate)
{
    public Task<RunningWorkload> LocateAsync(CancellationToken ct) => locate(ct);

    /// <summary>For engines whose restore already knows where the workload runs (a container's name).</summary>
    public static ResumedWorkload Located(RunningWorkload workload) => new(_ => Task.FromResult(workload));
}
