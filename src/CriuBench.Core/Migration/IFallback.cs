using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// How a mode gets the workload running again when a phase from the checkpoint on fails: stop and
/// copy restores the images on the source (<see cref="MigrationAttempt"/>'s own), post-copy stops
/// the lazy dump so the frozen source runs on. The attempt's phases call it; each answer is the row.
/// </summary>
public interface IFallback
{
    /// <summary>The checkpoint failed: the workload may still run on the source, or only its images are left.</summary>
    Task<MigrationResult> CheckpointFailedAsync(Exception error, CancellationToken ct);

    /// <summary>The transfer or the restore failed: no copy runs on the destination.</summary>
    Task<MigrationResult> FallBackAsync(string reason, CancellationToken ct);

    /// <summary>Verification rejected the copy restored on the destination, which may still run.</summary>
    Task<MigrationResult> RejectAsync(RunningWorkload restored, string problem, CancellationToken ct);
}
