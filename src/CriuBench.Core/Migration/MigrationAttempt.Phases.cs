using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Migration.PreCopy;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// The phases, in the order a mode calls them. Each records its step and its columns, has the one
/// catch for its failures, and either goes on (null, or the value the next phase needs) or returns
/// the result the mode returns as it is. The stop window runs from the start of
/// <see cref="CheckpointAsync(CancellationToken)"/> until the restore returns in
/// <see cref="RestoreAsync"/>: nothing between them is the harness's own bookkeeping.
/// </summary>
public sealed partial class MigrationAttempt
{
    private IMigrationTransfer? transfer;
    private IReadOnlyList<string> dumpArguments = [];
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
                dumpArguments = parent is null ? prepared.DumpArguments : [.. prepared.DumpArguments, .. CriuCommands.Chained(Rounds.ParentLink(prepared, parent))];
            }
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            if (prepared is not null) await DisposeQuietlyAsync(prepared);
            await Rounds.DisposeAllAsync(how.Rounds);
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
    /// they slowed the counter's untar from 7-8 to 11-13 ms (netns lab, interleaved). A sync that
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
    public async Task<MigrationResult?> CheckpointAsync(Func<IReadOnlyList<string>, Task> checkpoint, IFallback fallback, CancellationToken ct)
    {
        this.fallback = fallback;
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
    public async Task<MigrationResult?> RestoreAsync(CancellationToken ct, IReadOnlyList<string>? arguments = null,
        Func<CancellationToken, Task<string?>>? ready = null)
    {
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
            Update(row => row with { RestoreTimeMs = Ms(restoreClock.Elapsed), StopTimeMs = Ms(stopWindow.Elapsed) });
            using (Step("locate", Destination))
                copy = await resumed.LocateAsync(ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(Destination, workDirectories?.Destination ?? images, CriuLog.RestoreLog);
            return await fallback.FallBackAsync($"restore failed: {e.Message}", ct);
        }
        restored = copy;
        return null;
    }

    /// <summary>
    /// Proves the restored copy: <see cref="VerifyAsync"/>, then what the mode must wait for
    /// (<paramref name="settled"/>: post-copy's last page), the images' inventory and, where the images
    /// hold all of the workload's memory (<paramref name="wholeMemory"/>; not a checkpoint chained to
    /// pre-copy rounds), that they weigh at least what it holds. Any problem goes to the fallback;
    /// otherwise the row's success.
    /// </summary>
    public async Task<MigrationResult> VerifyOrFallBackAsync(CancellationToken ct, bool wholeMemory = true,
        Func<RunningWorkload, CancellationToken, Task<string?>>? settled = null)
    {
        var copy = restored ?? throw new InvalidOperationException($"{Request.MigrationId}: nothing was restored");
        string? problem;
        Verification? verified = null;
        try
        {
            verified = await VerifyAsync(copy, ct);
            problem = verified.Problem ?? (settled is null ? null : await settled(copy, ct));
            var inventory = await MeasureImagesAsync(ct);
            if (problem is null && wholeMemory) problem = HoldsTooLittle(inventory);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            problem = $"verifying the restored workload failed: {e.Message}";
        }
        if (problem is not null) return await fallback.RejectAsync(copy, problem, ct);
        return await SucceededAsync(copy, verified!.Report!, ct);
    }

    /// <summary>Stops the copy verification rejected and forgets it; <paramref name="quietly"/>: a failure to stop is only logged.</summary>
    public async Task DiscardRestoredAsync(CancellationToken ct, bool quietly = true)
    {
        if (restored is not { } copy) return;
        if (quietly) await StopQuietlyAsync(copy, ct);
        else await Request.Engine.StopAsync(copy, ct);
        restored = null;
    }

    /// <summary>
    /// Proves the restored copy runs and is the only one: its output continues after the seam (the
    /// source's output size, final once the dump stopped it there), and the source's output stops growing.
    /// </summary>
    private async Task<Verification> VerifyAsync(RunningWorkload copy, CancellationToken ct)
    {
        using var step = Step("verify", Destination, "verify");
        var seam = await Source.FileSizeAsync(Workload.OutputFile, ct)
            ?? throw new InvalidOperationException($"{Workload.OutputFile} is missing on {Source.Name} after the checkpoint");
        Seam = seam;
        var analysis = await OutputVerifier.WaitForContinuationAsync(copy, seam, ct);
        // Checked first: a source that still runs also moves the seam, so the restored copy then seems not to continue.
        if (await Source.FileSizeAsync(Workload.OutputFile, ct) is { } later && later > seam)
            return Verification.Failed($"the workload still writes its output on {Source.Name} after the checkpoint ({later - seam} bytes more): two copies ran");
        if (!analysis.Succeeded)
            return Verification.Failed($"restored on {Destination.Name} but its output did not continue: {analysis.Message}");
        // A copy that printed a few lines and then died or stopped is no success: it must still run.
        // (Returns at its next line while it runs, so this costs about one interval.)
        if (!await WorkloadLiveness.IsProgressingAsync(copy, ct))
            return Verification.Failed($"restored on {Destination.Name} but its output did not continue: it printed past the seam, then stopped growing");
        return Verification.Passed(analysis.Report);
    }

    /// <summary>Measures the images on the destination, after the restore (the workload no longer waits for it).</summary>
    private async Task<ImageInventory?> MeasureImagesAsync(CancellationToken ct)
    {
        using var step = Step("inventory", Destination, "verify");
        var images = Prepared.RestoreDirectory;
        var inventory = await TryAsync(() => ImageInventory.MeasureAsync(Destination, images, ct));
        if (inventory is not null) Update(row => row with { ImageBytes = inventory.ImageBytes, PageBytes = inventory.PageBytes });
        return inventory;
    }

    /// <summary>Less memory in the images (and, under post-copy, the lazily sent pages) than the workload holds: pages went missing.</summary>
    private string? HoldsTooLittle(ImageInventory? inventory)
    {
        if (Workload.Spec.MinimumImageBytes is not { } least || inventory is null) return null;
        var lazyBytes = Row.LazyPages * PostCopyMode.PageBytes;
        var held = inventory.ImageBytes + (lazyBytes ?? 0);
        var what = lazyBytes is null ? "the images hold" : "the images and the lazily sent pages hold";
        return held < least ? $"{what} {held / 1048576.0:0.0} MiB, less than the {least / 1048576.0:0.0} MiB the workload holds" : null;
    }

    /// <summary>After a verified restore: the row, with CRIU's numbers read, outside the stop window.</summary>
    private async Task<MigrationResult> SucceededAsync(RunningWorkload copy, SeamReport seam, CancellationToken ct)
    {
        var prepared = Prepared;
        using (Step("statistics", Destination))
        {
            if (moved is not null)
            {
                var counted = await prepared.CountAfterRestoreAsync(moved, ct);
                // Only what the strategy could count no sooner changes the row (a page server's pages):
                // post-copy's row already holds the lazily sent pages on top of what the transfer moved.
                if (counted.BytesMoved != moved.BytesMoved) Update(row => row with { TransferredBytes = counted.BytesMoved });
                moved = counted;
            }
            await TryAsync(async () =>
            {
                await Request.Engine.CollectRestoreFilesAsync(copy, prepared.RestoreDirectory, ct);
                return copy;
            });
            var stats = await TryAsync(() => workDirectories is { } work
                ? CriuStatistics.ReadAsync(Source, work.Source, Destination, work.Destination, ct)
                : CriuStatistics.ReadAsync(Destination, prepared.RestoreDirectory, ct));
            if (stats is not null) Update(stats.AddTo);
            PlaceOnTimeline(stats, seam);
        }
        if (KeepLogs)
        {
            await SaveLogAsync(Source, workDirectories?.Source ?? prepared.DumpDirectory, CriuLog.DumpLog);
            await SaveLogAsync(Destination, workDirectories?.Destination ?? prepared.RestoreDirectory, CriuLog.RestoreLog);
            foreach (var extra in workDirectories?.DestinationLogs ?? [])
                await SaveLogAsync(Destination, workDirectories!.Destination, extra);
        }
        using (Step("cleanup"))
            await DisposeQuietlyAsync(prepared);
        Update(row => row with
        {
            Succeeded = true,
            WorkloadRunsOn = Destination.Name,
            CounterGap = seam.CounterGap,
            AppDowntimeMs = seam.DowntimeMs,
            TotalTimeMs = TotalMs,
        });
        return new(Row, copy);
    }

    private void PlaceOnTimeline(CriuStatistics? stats, SeamReport seam)
    {
        var id = Request.MigrationId;
        MeasuredSteps.PlaceStopWindow(Timeline, id);
        if (stats is not null) MeasuredSteps.PlaceCriu(Timeline, id, stats);
        if (moved is not null) MeasuredSteps.PlaceTransfer(Timeline, id, moved);
        MeasuredSteps.PlaceSeam(Timeline, id, seam);
    }

    /// <summary>What verifying a restored workload found.</summary>
    private sealed record Verification(string? Problem, SeamReport? Report)
    {
        public static Verification Passed(SeamReport report) => new(null, report);
        public static Verification Failed(string problem) => new(problem, null);
    }
}
