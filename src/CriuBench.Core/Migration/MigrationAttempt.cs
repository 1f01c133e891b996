using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// One migration in progress and the steps every mode shares: each exit (not started, checkpoint
/// failed, fallback to the source, success) checks where the workload really runs before the row
/// says so, and says "lost" with where the images are when it runs nowhere.
/// </summary>
public sealed class MigrationAttempt
{
    private readonly ILog log;
    private readonly string? logDirectory;
    private readonly Stopwatch total = Stopwatch.StartNew();

    public MigrationAttempt(MigrationRequest request, ILog log, string? logDirectory = null, MigrationTimeline? timeline = null)
    {
        Request = request;
        this.log = log;
        this.logDirectory = logDirectory;
        Timeline = timeline ?? new MigrationTimeline(new RunClock());
        Row = NewRecord(request);
    }

    public MigrationRequest Request { get; }
    public MigrationTimeline Timeline { get; }
    public RunningWorkload Workload => Request.Workload;
    public IHost Source => Workload.Host;
    public IHost Destination => Request.Destination;
    public MigrationRecord Row { get; private set; }

    /// <summary>A restored copy on the destination, once a restore returned: the unexpected-failure path must know it exists.</summary>
    public RunningWorkload? Restored { get; set; }

    /// <summary>The transfer once prepared: where the images are, if the unexpected-failure path must say where to find them.</summary>
    public IMigrationTransfer? Transfer { get; set; }

    /// <summary>Keep every migration's CRIU logs, not only those of failures.</summary>
    public bool KeepLogs { get; init; }

    /// <summary>Where live modes append their rounds (iterations.csv in a run).</summary>
    public IIterationLog Iterations { get; init; } = new MemoryIterationLog();

    /// <summary>
    /// Where CRIU wrote its logs and statistics when a mode gave it work directories outside the
    /// images (null: in the images directories, as cold migration leaves them).
    /// </summary>
    public CriuWorkDirectories? WorkDirectories { get; set; }

    /// <summary>The output file's size at the checkpoint, once read (after the restore): the whole-output check reports per seam.</summary>
    public long? Seam { get; private set; }

    public void Update(Func<MigrationRecord, MigrationRecord> change) => Row = change(Row);

    /// <summary>What the transfer moved and its timed steps, placed on the timeline after the restore (not inside the stop window).</summary>
    public TransferOutcome? Moved { get; set; }

    /// <summary>
    /// Times a phase of this migration on the phases' track; the commands it runs land on their
    /// hosts' tracks (<see cref="RecordingHost"/>). <paramref name="host"/> says where the phase runs.
    /// </summary>
    public IDisposable Step(string name, IHost? host = null, string category = "phase") =>
        Timeline.Step(Request.MigrationId, Tracks.Phases, name, category);

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

    /// <summary>
    /// The transfer phase every mode shares: timed as a step, its time and bytes on the row. On
    /// failure, the reason instead: what follows differs by mode (restore the images on the
    /// source, or resume a source that post-copy keeps frozen).
    /// </summary>
    public async Task<(TransferOutcome? Moved, string? Failure)> TransferAsync(IMigrationTransfer transfer, CancellationToken ct)
    {
        TransferOutcome moved;
        try
        {
            using (Step("transfer", Source))
                moved = await transfer.TransferAsync(ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return (null, $"transfer failed: {e.Message}");
        }
        Update(row => row with { TransferTimeMs = Ms(moved.Duration), TransferredBytes = moved.BytesMoved });
        return (moved, null);
    }

    public double TotalMs => Ms(total.Elapsed);

    /// <summary>
    /// Failures that end one migration, not the run: anything but the user's cancellation. The row
    /// records it and the workload is located, restored on the source where it was already dumped.
    /// </summary>
    public static bool IsPhaseFailure(Exception e) => e is not OperationCanceledException;

    /// <summary>Nothing was stopped yet: the workload should still run on the source.</summary>
    public async Task<MigrationResult> NotStartedAsync(string reason, CancellationToken ct)
    {
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
            return new(Failed($"{reason}; the workload kept running on {Source.Name}", Source), Workload);
        return Lost($"{reason}; and the workload no longer runs on {Source.Name} (no checkpoint was made)");
    }

    /// <summary>
    /// The checkpoint failed: CRIU normally leaves the workload running. Where it does not (CRIU
    /// killed mid-dump), the images it wrote are the only way back.
    /// </summary>
    public async Task<MigrationResult> CheckpointFailedAsync(IMigrationTransfer transfer, Exception error, CancellationToken ct)
    {
        await SaveLogAsync(Source, WorkDirectories?.Source ?? transfer.DumpDirectory, CriuLog.DumpLog);
        var reason = $"checkpoint failed: {error.Message}";
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(transfer);
            return new(Failed($"{reason}; the workload kept running on {Source.Name}", Source), Workload);
        }
        return await RestoreOnSourceAsync(transfer, $"{reason}; the workload stopped on {Source.Name}", ct);
    }

    /// <summary>
    /// Restores on the source from the images the failed attempt made, and checks that it runs there.
    /// If the original still runs there (the checkpoint did not stop it, e.g. a dump option such as
    /// --leave-running), it is not restored a second time: exactly one copy keeps running.
    /// </summary>
    public async Task<MigrationResult> FallBackAsync(IMigrationTransfer transfer, string reason, CancellationToken ct)
    {
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(transfer);
            log.Warning($"{Request.MigrationId}: {reason}; the original still runs on {Source.Name}, so it was not restored a second time");
            return new(Failed($"{reason}; the checkpoint did not stop the workload: it kept running on {Source.Name} and was not restored a second time", Source), Workload);
        }
        return await RestoreOnSourceAsync(transfer, reason, ct);
    }

    private async Task<MigrationResult> RestoreOnSourceAsync(IMigrationTransfer transfer, string reason, CancellationToken ct)
    {
        var images = transfer.DumpDirectory;
        // What is left of the original (gone after a dump; stuck where a dump died midway) must not
        // wake up beside the restored copy.
        await StopQuietlyAsync(Workload, ct);
        try
        {
            using (Step("fallback-restore", Source))
            {
                images = await transfer.ImagesForSourceRestoreAsync(ct);
                var seam = await Source.FileSizeAsync(Workload.OutputFile, ct) ?? 0;
                Seam = seam;
                var back = await Request.Engine.RestoreAsync(Source, Workload, images, ct);
                var continued = await OutputVerifier.WaitForContinuationAsync(back, seam, ct);
                var problem = !continued.Succeeded ? continued.Message
                    : !await WorkloadLiveness.IsProgressingAsync(back, ct) ? "it printed past the seam, then stopped growing"
                    : null;
                if (problem is not null)
                {
                    await StopQuietlyAsync(back, ct);
                    throw new InvalidOperationException($"restored on {Source.Name} but its output did not continue: {problem}");
                }
                await DisposeQuietlyAsync(transfer);
                log.Warning($"{Request.MigrationId}: {reason}; restored on {Source.Name} from the same images");
                return new(Failed($"{reason}; the workload was restored on {Source.Name}", Source), back);
            }
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(Source, images, CriuLog.RestoreLog);
            // The images are kept: they are all that is left of the workload.
            return Lost($"{reason}; restoring on {Source.Name} failed too ({e.Message}): {await DescribeImagesAsync(Source, images, ct)}");
        }
    }

    /// <summary>
    /// Where what is left of a lost workload is, as found (not as intended): "its images are kept in
    /// DIR on HOST (N image files)", or that DIR holds none. The lab moves them out of its disks when
    /// it is torn down, and says where (see Lab.LabTeardown).
    /// </summary>
    public async Task<string> DescribeImagesAsync(IHost host, string directory, CancellationToken ct)
    {
        try
        {
            var images = (await host.ListFilesAsync(directory, ct)).Count(file => file.Name.EndsWith(".img", StringComparison.Ordinal));
            return images > 0
                ? $"its images are kept in {directory} on {host.Name} ({images} image files)"
                : $"no images are left ({directory} on {host.Name} holds none)";
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return $"no images are left ({directory} on {host.Name} cannot be read: {e.Message.Trim()})";
        }
    }

    /// <summary>
    /// A live mode failed while its source was still only frozen, and stopping the dump let it run on
    /// (post-copy before every page was served): the workload should run on the source again, with no
    /// restore. Checks that it does; "lost" with where the images are otherwise.
    /// </summary>
    public async Task<MigrationResult> SourceResumedAsync(IMigrationTransfer transfer, string reason, CancellationToken ct)
    {
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(transfer);
            log.Warning($"{Request.MigrationId}: {reason}; the workload runs on {Source.Name} again");
            return new(Failed($"{reason}; the workload runs on {Source.Name} again", Source), Workload);
        }
        return Lost($"{reason}; and the workload no longer runs on {Source.Name} (its dump had ended): the images are kept in {transfer.DumpDirectory} on {Source.Name}");
    }

    /// <summary>After a successful restore: the row, with the images measured and CRIU's numbers read, outside the stop window.</summary>
    public async Task<MigrationResult> SucceededAsync(RunningWorkload restored, IMigrationTransfer transfer, Workloads.Output.SeamReport seam, CancellationToken ct)
    {
        using (Step("statistics", Destination))
        {
            if (Moved is not null)
            {
                Moved = await transfer.CountAfterRestoreAsync(Moved, ct);
                Update(row => row with { TransferredBytes = Moved.BytesMoved });
            }
            await TryAsync(async () =>
            {
                await Request.Engine.CollectRestoreFilesAsync(restored, transfer.RestoreDirectory, ct);
                return restored;
            });
            var stats = await TryAsync(() => WorkDirectories is { } work
                ? CriuStatistics.ReadAsync(Source, work.Source, Destination, work.Destination, ct)
                : CriuStatistics.ReadAsync(Destination, transfer.RestoreDirectory, ct));
            if (stats is not null) Update(stats.AddTo);
            PlaceOnTimeline(stats, seam);
        }
        if (KeepLogs)
        {
            await SaveLogAsync(Source, WorkDirectories?.Source ?? transfer.DumpDirectory, CriuLog.DumpLog);
            await SaveLogAsync(Destination, WorkDirectories?.Destination ?? transfer.RestoreDirectory, CriuLog.RestoreLog);
            foreach (var extra in WorkDirectories?.DestinationLogs ?? [])
                await SaveLogAsync(Destination, WorkDirectories!.Destination, extra);
        }
        using (Step("cleanup"))
            await DisposeQuietlyAsync(transfer);
        Update(row => row with
        {
            Succeeded = true,
            WorkloadRunsOn = Destination.Name,
            CounterGap = seam.CounterGap,
            AppDowntimeMs = seam.DowntimeMs,
            TotalTimeMs = TotalMs,
        });
        return new(Row, restored);
    }

    /// <summary>
    /// Proves the restored copy runs and is the only one: its output continues after the seam (the
    /// source's output size, final once the dump stopped it there), and the source's output stops growing.
    /// </summary>
    public async Task<Verification> VerifyAsync(RunningWorkload restored, CancellationToken ct)
    {
        using var step = Step("verify", Destination, "verify");
        var seam = await Source.FileSizeAsync(Workload.OutputFile, ct)
            ?? throw new InvalidOperationException($"{Workload.OutputFile} is missing on {Source.Name} after the checkpoint");
        Seam = seam;
        var analysis = await OutputVerifier.WaitForContinuationAsync(restored, seam, ct);
        // Checked first: a source that still runs also moves the seam, so the restored copy then seems not to continue.
        if (await Source.FileSizeAsync(Workload.OutputFile, ct) is { } later && later > seam)
            return Verification.Failed($"the workload still writes its output on {Source.Name} after the checkpoint ({later - seam} bytes more): two copies ran");
        if (!analysis.Succeeded)
            return Verification.Failed($"restored on {Destination.Name} but its output did not continue: {analysis.Message}");
        // A copy that printed a few lines and then died or stopped is no success: it must still run.
        // (Returns at its next line while it runs, so this costs about one interval.)
        if (!await WorkloadLiveness.IsProgressingAsync(restored, ct))
            return Verification.Failed($"restored on {Destination.Name} but its output did not continue: it printed past the seam, then stopped growing");
        return Verification.Passed(analysis.Report);
    }

    /// <summary>Measures the images on the destination, after the restore (the workload no longer waits for it).</summary>
    public async Task<ImageInventory?> MeasureImagesAsync(IMigrationTransfer transfer, CancellationToken ct)
    {
        using var step = Step("inventory", Destination, "verify");
        var inventory = await TryAsync(() => ImageInventory.MeasureAsync(Destination, transfer.RestoreDirectory, ct));
        if (inventory is not null) Update(row => row with { ImageBytes = inventory.ImageBytes, PageBytes = inventory.PageBytes });
        return inventory;
    }

    public async Task SaveLogAsync(IHost host, string directory, string logName)
    {
        if (logDirectory is null) return;
        try
        {
            if (await host.TryReadTextAsync($"{directory}/{logName}") is not { } text) return;
            Directory.CreateDirectory(logDirectory);
            await File.WriteAllTextAsync(Path.Combine(logDirectory, $"{Request.MigrationId}-{host.Name}-{logName}"), text);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            log.Warning($"{Request.MigrationId}: could not keep {logName} from {host.Name}: {e.Message}");
        }
    }

    /// <summary>The workload runs nowhere: the row says so and where what is left of it is.</summary>
    public MigrationResult Lost(string reason)
    {
        log.Warning($"{Request.MigrationId}: LOST: {reason}");
        return new(Failed($"{reason}; the workload is lost", null), null);
    }

    public MigrationRecord Failed(string reason, IHost? runsOn)
    {
        Update(row => row with { Succeeded = false, FailureReason = reason, WorkloadRunsOn = runsOn?.Name ?? "nowhere (lost)", TotalTimeMs = TotalMs });
        return Row;
    }

    /// <summary>Stops a copy of the workload; a failure to stop is logged, not thrown: the row comes first.</summary>
    public async Task StopQuietlyAsync(RunningWorkload copy, CancellationToken ct)
    {
        try { await Request.Engine.StopAsync(copy, ct); }
        catch (Exception e) when (IsPhaseFailure(e)) { log.Warning($"{Request.MigrationId}: stopping {copy.Spec.Name} on {copy.Host.Name} failed: {e.Message.Trim()}"); }
    }

    public async Task DisposeQuietlyAsync(IMigrationTransfer transfer)
    {
        try { await transfer.DisposeAsync(); }
        catch (Exception e) when (IsPhaseFailure(e)) { log.Warning($"{Request.MigrationId}: cleaning up the transfer failed: {e.Message}"); }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> read) where T : class
    {
        try { return await read(); }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            log.Warning($"{Request.MigrationId}: {e.Message}");
            return null;
        }
    }

    private void PlaceOnTimeline(CriuStatistics? stats, Workloads.Output.SeamReport seam)
    {
        var id = Request.MigrationId;
        MeasuredSteps.PlaceStopWindow(Timeline, id);
        if (stats is not null) MeasuredSteps.PlaceCriu(Timeline, id, stats);
        if (Moved is not null) MeasuredSteps.PlaceTransfer(Timeline, id, Moved);
        MeasuredSteps.PlaceSeam(Timeline, id, seam);
    }

    public static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);

    private static MigrationRecord NewRecord(MigrationRequest request) => new()
    {
        RunId = request.RunId,
        Repetition = request.Repetition,
        Workload = request.Workload.Spec.Name,
        Parameters = WorkloadParameters.Render(request.Workload.Spec.Parameters),
        Engine = request.Engine.Name,
        Strategy = request.Strategy.Name,
        Mode = request.Mode.Name,
        Source = request.Workload.Host.Name,
        Destination = request.Destination.Name,
        LinkRate = request.LinkRate,
        HostKind = request.HostKind,
        Succeeded = false,
        WorkloadRunsOn = request.Workload.Host.Name,
    };
}

/// <summary>CRIU's work directories (logs, statistics, sockets) on the source and the destination, and the extra logs kept with a failure.</summary>
public sealed record CriuWorkDirectories(string Source, string Destination, IReadOnlyList<string> DestinationLogs);

/// <summary>What verifying a restored workload found.</summary>
public sealed record Verification(bool Succeeded, string? Problem, Workloads.Output.SeamReport? Report)
{
    public static Verification Passed(Workloads.Output.SeamReport report) => new(true, null, report);
    public static Verification Failed(string problem) => new(false, problem, null);
}
