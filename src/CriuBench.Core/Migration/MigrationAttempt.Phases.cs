using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// The phases up to the restore, in the order a mode calls them (the rest: MigrationAttempt.Verify.cs).
/// Each records its step and its columns, has the one catch for its failures, and either goes on
/// (null, or the value the next phase needs) or returns the result the mode returns as it is. The
/// stop window runs from the start of <see cref="CheckpointAsync(CancellationToken)"/> until the
/// restore returns in <see cref="RestoreAsync"/>: nothing between them is the harness's own bookkeeping.
/// </summary>
public sealed partial class MigrationAttempt
{
    private IMigrationTransfer? transfer;
    private IReadOnlyList<CriuOption> dumpArguments = [];
    private CriuWorkDirectories? workDirectories;
    private IFallback fallback;
    private Stopwatch stopWindow = new();
    private TransferOutcome? moved;
    private RunningWorkload? restored;

    private IMigrationTransfer Prepared => transfer ?? throw new InvalidOperationException($"{Request.MigrationId}: no transfer was prepared");

    /// <summary>
    /// Prepares the transfer (where the images go, what must be ready) and the checkpoint's CRIU
    /// arguments, chained to the parent round if there is one. Nothing is stopped yet: on failure the
    /// workload should still run on the source.
    /// </summary>
    public async Task<PhaseOutcome<IMigrationTransfer>> PrepareTransferAsync(CancellationToken ct, TransferPreparation? how = null)
    {
        how ??= TransferPreparation.Plain;
        var parent = how.Parent ?? (how.Rounds.Count > 0 ? how.Rounds[^1] : null);
        IMigrationTransfer? prepared = null;
        try
        {
            using (Step("prepare"))
            {
                if (how.HostsFirst is { } hostsFirst) await hostsFirst(ct);
                prepared = await Request.Strategy.PrepareAsync(new TransferRequest(Source, Destination, Request.MigrationId, Workload.Directory) { Parent = parent }, ct);
                dumpArguments = parent is null ? prepared.DumpArguments : [.. prepared.DumpArguments, .. CriuCommands.Chained(RoundChain.ParentLink(prepared, parent))];
            }
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            if (prepared is not null) await DisposeQuietlyAsync(prepared);
            await RoundChain.DisposeAllAsync(how.Rounds);
            return PhaseOutcome<IMigrationTransfer>.Stopped(
                await NotStartedAsync($"preparing {how.What ?? $"the {Request.Strategy.Name} transfer"} failed: {e.Message}", ct));
        }
        transfer = how.Rounds.Count > 0 ? new RoundChain(prepared, how.Rounds) : prepared;
        workDirectories = how.WorkDirectories;
        return PhaseOutcome<IMigrationTransfer>.Went(prepared);
    }

    /// <summary>What the restore can have ready while the workload still runs (e.g. a container created). Null: go on.</summary>
    public async Task<MigrationResult?> PrepareRestoreAsync(CancellationToken ct)
    {
        try
        {
            using (Step("prepare-restore", Destination))
                await Request.Engine.PrepareRestoreAsync(Destination, Workload, ct);
            return null;
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await DisposeQuietlyAsync(Prepared);
            return await NotStartedAsync($"preparing the restore on {Destination.Name} failed: {e.Message}", ct);
        }
    }

    /// <summary>
    /// Just before the checkpoint, outside the stop window: both hosts write back what is dirty in
    /// their page cache (sync), so the harness's own earlier writes (the lab's files, the previous
    /// migration's images and archives, their removal) are not written back inside the window, where
    /// they would slow the restore's reads and writes and be charged to the migration. A sync that
    /// fails settles nothing and is only logged: the migration goes on.
    /// </summary>
    public async Task SettleDisksAsync(CancellationToken ct)
    {
        using var step = Step("settle");
        try
        {
            var results = await Task.WhenAll(Source.RunAsync(Sync, ct), Destination.RunAsync(Sync, ct));
            foreach (var failed in results.Where(result => !result.Succeeded))
                log.Warning($"{Request.MigrationId}: `sync` before the checkpoint failed ({failed.ExitCode}): {failed.StandardError.Trim()}");
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            log.Warning($"{Request.MigrationId}: `sync` before the checkpoint failed: {e.Message}");
        }
    }

    private static readonly Execution.Command Sync = Execution.Command.Of("sync").WithTimeout(TimeSpan.FromMinutes(2));

    /// <summary>The stop-and-copy checkpoint: `criu dump` with the prepared arguments, the workload stops; the fallback restores on the source.</summary>
    public Task<MigrationResult?> CheckpointAsync(CancellationToken ct)
    {
        var images = Prepared.DumpDirectory;
        return CheckpointAsync(arguments => Request.Engine.CheckpointAsync(Workload, images, arguments, ct), this, ct);
    }

    /// <summary>
    /// The checkpoint: the stop window opens. <paramref name="checkpoint"/> gets the prepared CRIU
    /// arguments and returns once the workload is checkpointed (post-copy: once the lazy dump serves);
    /// from here on, what fails goes to <paramref name="fallback"/>. Null: go on.
    /// </summary>
    public async Task<MigrationResult?> CheckpointAsync(Func<IReadOnlyList<CriuOption>, Task> checkpoint, IFallback fallback, CancellationToken ct)
    {
        this.fallback = fallback;
        await MarkClientAsync(ct);
        stopWindow = Stopwatch.StartNew();
        try
        {
            using (Step("checkpoint", Source))
                await checkpoint(dumpArguments);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return await fallback.CheckpointFailedAsync(e, ct);
        }
        Update(row => row with { CheckpointTimeMs = Ms(stopWindow.Elapsed) });
        return null;
    }

    /// <summary>Since the checkpoint began (the start of the stop window).</summary>
    public TimeSpan SinceCheckpoint => stopWindow.Elapsed;

    /// <summary>The transfer: its time and bytes on the row; what it moved goes on the timeline after the restore. Null: go on.</summary>
    public async Task<MigrationResult?> MoveAsync(CancellationToken ct)
    {
        TransferOutcome outcome;
        try
        {
            using (Step("transfer", Source))
                outcome = await Prepared.TransferAsync(ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return await fallback.FallBackAsync($"transfer failed: {e.Message}", ct);
        }
        moved = outcome;
        Update(row => row with { TransferTimeMs = Ms(outcome.Duration), TransferredBytes = outcome.BytesMoved });
        return null;
    }

    /// <summary>
    /// The restore: the stop window closes when the engine's tool returns; finding the restored
    /// workload comes after it. <paramref name="ready"/> runs first inside the restore step (post-copy
    /// starts its lazy-pages daemon) and returns why the restore cannot start, if it cannot. Null: go on.
    /// </summary>
    public async Task<MigrationResult?> RestoreAsync(CancellationToken ct, IReadOnlyList<CriuOption>? arguments = null,
        Func<CancellationToken, Task<string?>>? ready = null)
    {
        if (await MoveServiceAddressAsync(ct) is { } notMoved) return notMoved;
        var images = Prepared.RestoreDirectory;
        var restoreClock = Stopwatch.StartNew();
        RunningWorkload copy;
        try
        {
            ResumedWorkload resumed;
            using (Step("restore", Destination))
            {
                if (ready is not null && await ready(ct) is { } notReady)
                    return await fallback.FallBackAsync(notReady, ct);
                resumed = await Request.Engine.ResumeAsync(Destination, Workload, images, arguments ?? [], ct);
            }
            restoredAt = DateTimeOffset.UtcNow;
            Update(row => row with { RestoreTimeMs = Ms(restoreClock.Elapsed), StopTimeMs = Ms(stopWindow.Elapsed) });
            await ReleaseResetsAsync(ct);
            using (Step("locate", Destination))
                copy = await resumed.LocateAsync(ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(Destination, workDirectories?.Destination ?? images, CriuLog.RestoreLog);
            // A restore killed midway leaves its tree on the destination: stopped before the way back.
            return await fallback.FallBackAsync(await StopHalfRestoredAsync($"restore failed: {e.Message}"), ct);
        }
        restored = copy;
        return null;
    }
}
