using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;

namespace CriuBench.Migration.Modes;

/// <summary>
/// "files-precopy": NOT CRIU's pre-copy (no `pre-dump`, no memory tracking, works without
/// soft-dirty). A full `criu dump --leave-running` is copied to the destination while the workload
/// runs on; then the final `criu dump` stops it, and rsync sends only the 4 KiB blocks that differ
/// from the first copy (rsync's delta algorithm over the image files). The stop window is the final
/// dump, the delta transfer and the restore. It pays a whole extra dump (the workload is frozen for
/// it) and CRIU still writes every page in the final dump; only the link carries less.
/// <para>
/// The first pass leaves the workload running on the source; its images are never restored while
/// it runs (two copies would run): they only seed the destination, and the source's copy is removed
/// before the final dump writes the one checkpoint that is restored.
/// </para>
/// </summary>
public sealed class FilesPreCopyMode : IMigrationMode
{
    public const string RuleName = "single-pass";

    public string Name => ModeNames.FilesPreCopy;

    public Support Supports(Combination combination) =>
        Support.Unless(combination.Strategy.DeltaTransfers,
            $"files-precopy sends the final dump as rsync deltas against the first pass's copy: use the rsync strategy (not {combination.Strategy.Name})");

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var prepared = await attempt.PrepareTransferAsync(ct);
        if (prepared.Ended) return prepared.End;
        var firstCopy = await FirstPassAsync(attempt, prepared.Value, ct);
        if (firstCopy.Ended) return firstCopy.End;

        var result = await StopAndCopy.RunAsync(attempt, ct);
        attempt.Update(row => row with
        {
            Iterations = 1,
            StopRule = RuleName,
            StopReason = "one pass",
            LinkBytes = firstCopy.Value.BytesMoved + row.TransferredBytes,
        });
        return result with { Record = attempt.Row };
    }

    /// <summary>
    /// The first pass while the workload runs on: a whole `criu dump --leave-running`, copied to the
    /// destination, its round appended to iterations.csv; the source's copy is then removed.
    /// </summary>
    private static async Task<PhaseOutcome<TransferOutcome>> FirstPassAsync(MigrationAttempt attempt, IMigrationTransfer transfer, CancellationToken ct)
    {
        var source = attempt.Source;
        var clock = Stopwatch.StartNew();
        try
        {
            using (attempt.Step("first-pass-dump", source))
                await attempt.Request.Engine.CheckpointAsync(attempt.Workload, transfer.DumpDirectory, [new CriuOption.LeaveRunning(), .. transfer.DumpArguments], ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return PhaseOutcome<TransferOutcome>.Stopped(await attempt.CheckpointFailedAsync(e, ct));
        }
        var dumpTime = clock.Elapsed;
        // --leave-running must have left it running, once: if it stopped, these images are its only way back.
        if (!await WorkloadLiveness.IsProgressingAsync(attempt.Workload, ct))
            return PhaseOutcome<TransferOutcome>.Stopped(
                await attempt.FallBackAsync($"the first pass (criu dump --leave-running) stopped the workload on {source.Name}", ct));

        TransferOutcome firstCopy;
        DumpStats? stats;
        try
        {
            stats = (await CriuStatistics.ReadAsync(source, transfer.DumpDirectory, ct)).Dump;
            using (attempt.Step("first-pass-transfer", source))
                firstCopy = await transfer.TransferAsync(ct);
            // The first pass's images must never be restored: the final dump writes into an empty directory.
            await source.RemoveAsync(transfer.DumpDirectory, ct);
            await source.MakeDirectoryAsync(transfer.DumpDirectory, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            await attempt.DisposeQuietlyAsync(transfer);
            return PhaseOutcome<TransferOutcome>.Stopped(await attempt.NotStartedAsync($"copying the first pass failed: {e.Message}", ct));
        }
        if (stats is not null)
            await attempt.Iterations.AppendAsync(IterationRows.From(attempt, 1, stats, firstCopy, dumpTime, clock.Elapsed, "stop: one pass"), ct);
        return PhaseOutcome<TransferOutcome>.Went(firstCopy);
    }
}
