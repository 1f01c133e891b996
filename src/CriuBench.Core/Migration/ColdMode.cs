using System.Diagnostics;
using CriuBench.Preflight;
using CriuBench.Transfer;
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
    public string Name => MigrationModes.Cold;

    public Support Supports(Combination combination) => Support.Yes;

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var request = attempt.Request;
        var (source, destination) = (attempt.Source, attempt.Destination);

        IMigrationTransfer transfer;
        try
        {
            using (attempt.Step("prepare"))
                transfer = await request.Strategy.PrepareAsync(new TransferRequest(source, destination, request.MigrationId, attempt.Workload.Directory), ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.NotStartedAsync($"preparing the {request.Strategy.Name} transfer failed: {e.Message}", ct);
        }

        var stopWindow = Stopwatch.StartNew();
        try
        {
            using (attempt.Step("checkpoint", source))
                await request.Engine.CheckpointAsync(attempt.Workload, transfer.DumpDirectory, transfer.DumpArguments, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.CheckpointFailedAsync(transfer, e, ct);
        }
        attempt.Update(row => row with { CheckpointTimeMs = MigrationAttempt.Ms(stopWindow.Elapsed) });

        TransferOutcome moved;
        try
        {
            using (attempt.Step("transfer", source))
                moved = await transfer.TransferAsync(ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.FallBackAsync(transfer, $"transfer failed: {e.Message}", ct);
        }
        attempt.Update(row => row with { TransferTimeMs = MigrationAttempt.Ms(moved.Duration), TransferredBytes = moved.BytesMoved });

        var restoreClock = Stopwatch.StartNew();
        RunningWorkload restored;
        try
        {
            using (attempt.Step("restore", destination))
                restored = await request.Engine.RestoreAsync(destination, attempt.Workload, transfer.RestoreDirectory, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            await attempt.SaveLogAsync(destination, transfer.RestoreDirectory, Criu.CriuLog.RestoreLog);
            return await attempt.FallBackAsync(transfer, $"restore failed: {e.Message}", ct);
        }
        attempt.Restored = restored;
        attempt.Update(row => row with { RestoreTimeMs = MigrationAttempt.Ms(restoreClock.Elapsed), StopTimeMs = MigrationAttempt.Ms(stopWindow.Elapsed) });

        string? problem;
        Verification? verified = null;
        try
        {
            verified = await attempt.VerifyAsync(restored, ct);
            problem = verified.Problem;
            var inventory = await attempt.MeasureImagesAsync(transfer, ct);
            if (problem is null && attempt.Workload.Spec.MinimumImageBytes is { } least && inventory is { } measured && measured.ImageBytes < least)
                problem = $"the images hold {measured.ImageBytes / 1048576.0:0.0} MiB, less than the {least / 1048576.0:0.0} MiB the workload holds";
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            problem = $"verifying the restored workload failed: {e.Message}";
        }
        if (problem is not null)
        {
            await request.Engine.StopAsync(restored, ct);
            attempt.Restored = null;
            return await attempt.FallBackAsync(transfer, problem, ct);
        }
        return await attempt.SucceededAsync(restored, transfer, verified!.Report!, ct);
    }
}
