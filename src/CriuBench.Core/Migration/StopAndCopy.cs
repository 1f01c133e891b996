using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Transfer;
using CriuBench.Workloads;

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
    /// <param name="dumpArguments">The checkpoint's CRIU options (the transfer's, plus a pre-copy chain's), rendered by the engine.</param>
    /// <param name="wholeImages">
    /// The images hold all of the workload's memory, so they must weigh at least what it holds. A
    /// checkpoint chained to pre-copy rounds holds only the pages changed since the last round.
    /// </param>
    public static async Task<MigrationResult> RunAsync(MigrationAttempt attempt, IMigrationTransfer transfer,
        IReadOnlyList<CriuOption> dumpArguments, CancellationToken ct, bool wholeImages = true)
    {
        var request = attempt.Request;
        var (source, destination) = (attempt.Source, attempt.Destination);
        attempt.Transfer = transfer;
        try
        {
            using (attempt.Step("prepare-restore", destination))
                await request.Engine.PrepareRestoreAsync(destination, attempt.Workload, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            await attempt.DisposeQuietlyAsync(transfer);
            return await attempt.NotStartedAsync($"preparing the restore on {destination.Name} failed: {e.Message}", ct);
        }

        await attempt.SettleDisksAsync(ct);
        var stopWindow = Stopwatch.StartNew();
        try
        {
            using (attempt.Step("checkpoint", source))
                await request.Engine.CheckpointAsync(attempt.Workload, transfer.DumpDirectory, dumpArguments, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.CheckpointFailedAsync(transfer, e, ct);
        }
        attempt.Update(row => row with { CheckpointTimeMs = MigrationAttempt.Ms(stopWindow.Elapsed) });

        var (moved, transferFailure) = await attempt.TransferAsync(transfer, ct);
        if (moved is null) return await attempt.FallBackAsync(transfer, transferFailure!, ct);
        attempt.Moved = moved;

        var restoreClock = Stopwatch.StartNew();
        RunningWorkload restored;
        try
        {
            ResumedWorkload resumed;
            using (attempt.Step("restore", destination))
                resumed = await request.Engine.ResumeAsync(destination, attempt.Workload, transfer.RestoreDirectory, [], ct);
            attempt.Update(row => row with { RestoreTimeMs = MigrationAttempt.Ms(restoreClock.Elapsed), StopTimeMs = MigrationAttempt.Ms(stopWindow.Elapsed) });
            using (attempt.Step("locate", destination))
                restored = await resumed.LocateAsync(ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            await attempt.SaveLogAsync(destination, transfer.RestoreDirectory, Criu.CriuLog.RestoreLog);
            return await attempt.FallBackAsync(transfer, $"restore failed: {e.Message}", ct);
        }
        attempt.Restored = restored;

        string? problem;
        Verification? verified = null;
        try
        {
            verified = await attempt.VerifyAsync(restored, ct);
            problem = verified.Problem;
            var inventory = await attempt.MeasureImagesAsync(transfer, ct);
            if (problem is null && wholeImages && attempt.Workload.Spec.MinimumImageBytes is { } least && inventory is { } measured && measured.ImageBytes < least)
                problem = $"the images hold {measured.ImageBytes / 1048576.0:0.0} MiB, less than the {least / 1048576.0:0.0} MiB the workload holds";
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            problem = $"verifying the restored workload failed: {e.Message}";
        }
        if (problem is not null)
        {
            await attempt.StopQuietlyAsync(restored, ct);
            attempt.Restored = null;
            return await attempt.FallBackAsync(transfer, $"{problem}; the copy restored on {destination.Name} was stopped", ct);
        }
        return await attempt.SucceededAsync(restored, transfer, verified!.Report!, ct);
    }
}
