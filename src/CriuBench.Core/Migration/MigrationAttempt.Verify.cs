using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Timeline;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// The phases after the stop window: verify the restored copy or fall back, and the row's success
/// with what is read only now (the images' size, CRIU's statistics, the logs).
/// </summary>
public sealed partial class MigrationAttempt
{
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
        if (copy.Client is not null) return await VerifyServiceAsync(copy, ct);
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
        // Its own verdict on what it printed since the restore (the allocator's memory check among them).
        if (copy.Spec.Check is { } check && await FirstFailedLineAsync(copy, seam, check, ct) is { } line)
            return Verification.Failed($"restored on {Destination.Name} but its own check ({check.Describe()}) failed after the restore: '{line}'");
        return Verification.Passed(analysis.Report);
    }

    /// <summary>The first complete line after <paramref name="seam"/> that fails <paramref name="check"/>, or null.</summary>
    private static async Task<string?> FirstFailedLineAsync(RunningWorkload copy, long seam, OutputCheck check, CancellationToken ct)
    {
        var size = await copy.OutputHost.FileSizeAsync(copy.OutputFile, ct) ?? seam;
        if (size <= seam) return null;
        var text = (await copy.OutputHost.ReadBytesAsync(copy.OutputFile, seam, size - seam, ct)).AsSpan();
        for (int nl; (nl = text.IndexOf((byte)'\n')) >= 0; text = text[(nl + 1)..])
            if (!check.Holds(text[..nl])) return System.Text.Encoding.UTF8.GetString(text[..nl]);
        return null;
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
        var lazyBytes = Row.LazyPages * LazyPagesCommands.PageBytes;
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
            if (Request.Engine.TimesOf(copy) is { } engineTimes) Update(engineTimes.AddTo);
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
        if (clientProblem is { } problem) Update(row => row with { Succeeded = false, FailureReason = problem });
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
