namespace CriuBench.Migration;

/// <summary>
/// The stop-and-copy end every mode but post-copy shares, once its transfer is prepared: the
/// checkpoint (the workload stops), the transfer, the restore, then verification and the row. The
/// stop window runs from the start of the checkpoint until the restore returns; nothing of the
/// harness's own bookkeeping runs inside it (the seam, the images' size and CRIU's statistics are
/// read after the restore). Cold mode is only this; the pre-copy modes run their rounds first.
/// </summary>
public static class StopAndCopy
{
    /// <param name="wholeImages">
    /// The images hold all of the workload's memory, so they must weigh at least what it holds. A
    /// checkpoint chained to pre-copy rounds holds only the pages changed since the last round.
    /// </param>
    public static async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct, bool wholeImages = true)
    {
        if (await attempt.PrepareRestoreAsync(ct) is { } notStarted) return notStarted;
        await attempt.SettleDisksAsync(ct);
        if (await attempt.CheckpointAsync(ct) is { } checkpointFailed) return checkpointFailed;
        if (await attempt.MoveAsync(ct) is { } notMoved) return notMoved;
        if (await attempt.RestoreAsync(ct) is { } notRestored) return notRestored;
        return await attempt.VerifyOrFallBackAsync(ct, wholeMemory: wholeImages);
    }
}
