using CriuBench.Preflight;
using CriuBench.Vocabulary;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// Stop and copy: checkpoint on the source (the workload stops), move the images, restore on the
/// destination. The stop window runs from the start of the checkpoint until the restore returns;
/// nothing of the harness's own bookkeeping runs inside it (the seam, the images' size and CRIU's
/// statistics are read after the restore).
/// </summary>
public sealed class ColdMode : IMigrationMode
{
    public string Name => ModeNames.Cold;

    public Support Supports(Combination combination) => Support.Yes;

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var prepared = await attempt.PrepareTransferAsync(ct);
        if (prepared.Ended) return prepared.End;
        return await StopAndCopy.RunAsync(attempt, ct);
    }
}
