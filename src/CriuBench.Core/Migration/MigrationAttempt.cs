using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Timeline;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// One migration in progress: its row, and the phases every mode composes (prepare the transfer,
/// prepare the restore, checkpoint, move, restore, verify or fall back, succeeded; see the other
/// parts of this class). Each phase records its step and its columns and keeps what it made
/// (the transfer, what it moved, the restored copy), so a later phase, and the unexpected-failure
/// path, know it. Each exit (not started, checkpoint failed, fallback, success) checks where the
/// workload really runs before the row says so, and says "lost" with where the images are when it
/// runs nowhere.
/// </summary>
public sealed partial class MigrationAttempt
{
    private readonly ILog log;
    private readonly string? logDirectory;
    private readonly Stopwatch total = Stopwatch.StartNew();
    private readonly HashSet<string> savedLogs = new(StringComparer.Ordinal);

    public MigrationAttempt(MigrationRequest request, ILog log, string? logDirectory = null, MigrationTimeline? timeline = null)
    {
        Request = request;
        this.log = log;
        this.logDirectory = logDirectory;
        Timeline = timeline ?? new MigrationTimeline(new RunClock());
        Row = NewRecord(request);
        fallback = this;
    }

    public MigrationRequest Request { get; }
    public MigrationTimeline Timeline { get; }
    public RunningWorkload Workload => Request.Workload;
    public IHost Source => Workload.Host;
    public IHost Destination => Request.Destination;
    public MigrationRecord Row { get; private set; }

    /// <summary>Keep every migration's CRIU logs, not only those of failures.</summary>
    public bool KeepLogs { get; init; }

    /// <summary>Where live modes append their rounds (iterations.csv in a run).</summary>
    public IIterationLog Iterations { get; init; } = new MemoryIterationLog();

    /// <summary>Where a service's client timeline goes (client-timeline.csv in a run).</summary>
    public IClientTimelineLog ClientTimeline { get; init; } = new MemoryClientTimelineLog();

    /// <summary>The output file's size at the checkpoint, once read (after the restore): the whole-output check reports per seam.</summary>
    public long? Seam { get; private set; }

    public void Update(Func<MigrationRecord, MigrationRecord> change) => Row = change(Row);

    /// <summary>
    /// Times a phase of this migration on the phases' track, with <paramref name="host"/> (where it
    /// runs) in the trace's args; the commands it runs land on their hosts' tracks (<see cref="RecordingHost"/>).
    /// </summary>
    public IDisposable Step(string name, IHost? host = null, string category = "phase") =>
        Timeline.Step(Request.MigrationId, Tracks.Phases, name, category, host?.Name);

    public double TotalMs => Ms(total.Elapsed);

    public static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);

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
    /// What escaped the mode (a bug, an unforeseen failure between phases): the workload is looked
    /// for where this attempt's phases left it, the restored copy first.
    /// </summary>
    public async Task<MigrationResult> LocateAsync(string reason, CancellationToken ct)
    {
        if (restored is { } copy && await WorkloadLiveness.IsProgressingAsync(copy, ct))
            return new(Failed($"{reason}; the workload runs on {copy.Host.Name}", copy.Host), copy);
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
            return new(Failed($"{reason}; the workload runs on {Source.Name}", Source), Workload);
        if (transfer is null)
            return Lost($"{reason}; it runs neither on {Source.Name} nor on {Destination.Name}; no checkpoint was made");
        var onSource = await DescribeImagesAsync(Source, transfer.DumpDirectory, ct);
        var onDestination = await DescribeImagesAsync(Destination, transfer.RestoreDirectory, ct);
        return Lost($"{reason}; it runs neither on {Source.Name} nor on {Destination.Name}; {onSource}; {onDestination}");
    }

    /// <summary>
    /// A live mode failed while its source was still only frozen, and stopping the dump let it run on
    /// (post-copy before every page was served): the workload should run on the source again, with no
    /// restore. Checks that it does; "lost" with where the images are otherwise.
    /// </summary>
    public async Task<MigrationResult> SourceResumedAsync(string reason, CancellationToken ct)
    {
        var prepared = Prepared;
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(prepared);
            log.Warning($"{Request.MigrationId}: {reason}; the workload runs on {Source.Name} again");
            return new(Failed($"{reason}; the workload runs on {Source.Name} again", Source), Workload);
        }
        return Lost($"{reason}; and the workload no longer runs on {Source.Name} (its dump had ended): the images are kept in {prepared.DumpDirectory} on {Source.Name}");
    }

    /// <summary>
    /// Where what is left of a lost workload is, as found (not as intended): "its images are kept in
    /// DIR on HOST (N image files)", or that DIR holds none. The lab moves them out of its disks when
    /// it is torn down, and says where (see Hosts.Lab.LabTeardown).
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

    /// <summary>
    /// Keeps one of CRIU's logs in the run's logs/ as MIGRATION-HOST-LOG, once: a failed post-copy
    /// restore reaches both the restore's own catch and post-copy's way back, and the log is the same.
    /// </summary>
    public async Task SaveLogAsync(IHost host, string directory, string logName)
    {
        if (logDirectory is null || !savedLogs.Add($"{host.Name}-{logName}")) return;
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

    /// <summary>
    /// After a failed restore, before the way back: stops what it left on the destination (the
    /// restored tree however far it got, a criu still at work; see <see cref="HalfRestoredCopies"/>).
    /// Returns <paramref name="reason"/>, saying so when something was stopped, or that it could not be.
    /// </summary>
    public async Task<string> StopHalfRestoredAsync(string reason)
    {
        try
        {
            var stopped = await HalfRestoredCopies.StopAsync(Destination,
                [Workload.Directory, transfer?.RestoreDirectory, workDirectories?.Destination], CancellationToken.None);
            if (stopped.IsEmpty) return reason;
            log.Warning($"{Request.MigrationId}: {reason}; stopped what the restore left on {Destination.Name}: {stopped}");
            return stopped.Trees.Count > 0 ? $"{reason}; {HalfRestoredCopies.Stopped(Destination.Name)}" : reason;
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            log.Warning($"{Request.MigrationId}: {e.Message}");
            return $"{reason}; what the restore left on {Destination.Name} could not be stopped: {e.Message}";
        }
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
