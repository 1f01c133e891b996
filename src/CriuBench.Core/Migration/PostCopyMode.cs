using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// Post-copy (lazy pages): the source dumps everything but the memory and keeps the pages in the
/// frozen workload, serving them (`criu dump --lazy-pages`, which returns only when every page is
/// served); the strategy moves the page-less images; the destination starts `criu lazy-pages
/// --page-server` and `criu restore --lazy-pages`, and the workload runs there while its memory
/// follows. The stop window ends when the restore returns; the migration ends when the last page
/// arrived and the source's dump returned. Until then the source is only frozen: on a failure the
/// dump is stopped and the workload runs on there again.
/// </summary>
public sealed class PostCopyMode : IMigrationMode, PreCopy.ILazyFinal
{
    /// <summary>The lazy page server's port on the source (each lab host has its own network namespace).</summary>
    public const int Port = 27028;

    /// <summary>Bytes per page of the pages the logs count (x86_64).</summary>
    public const long PageBytes = 4096;

    /// <summary>How long the lazy dump may take to freeze the workload and write the page-less images.</summary>
    private static readonly TimeSpan ServingLimit = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan DaemonStartLimit = TimeSpan.FromMinutes(1);

    public string Name => MigrationModes.PostCopy;

    public Support Supports(Combination combination) =>
        Support.Unless(combination.HostsWithout(host => host.Uffd) is null,
                $"post-copy needs userfaultfd for another process's memory, and `criu check --feature uffd-noncoop` fails on {combination.HostsWithout(host => host.Uffd)}")
            .Then(() => Support.Unless(!combination.Strategy.SendsPagesDuringDump,
                "post-copy streams the pages through its own lazy page server after the restore (criu dump --lazy-pages); " +
                $"the {combination.Strategy.Name} strategy sends them during the dump, which is cold migration: use tar, tar-ssh, tar-zstd, rsync or shared"))
            // An engine that passes no CRIU options at all refuses every live mode itself, with its reason.
            .Then(() => Support.Unless(combination.Engine.LazyPages || !combination.Engine.PassesCriuOptions,
                $"post-copy drives criu dump --lazy-pages and criu restore --lazy-pages, which the {combination.Engine.Name} engine does not pass on: use process or runc"));

    public string? HostPreparation => "fs.pipe-max-size";

    /// <summary>Raises fs.pipe-max-size on the hosts for the run; disposing puts it back.</summary>
    public async Task<IAsyncDisposable> PrepareHostsAsync(IReadOnlyList<IHost> hosts, ILog log, CancellationToken ct) =>
        await PipeMaxSizeGuard.RaiseAsync(hosts, log, ct);

    /// <summary>CRIU's work directory of one migration, on each host's own disk (not in the images being copied).</summary>
    public static string WorkDirectory(string migrationId) => $"{HostPaths.Disk}/criu-work/{migrationId}";

    public Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct) => RunAsync(attempt, parent: null, ct);

    /// <summary>Hybrid's final phase: the lazy dump chained to the pre-copy round <paramref name="parent"/> serves only what changed since.</summary>
    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, IMigrationTransfer? parent, CancellationToken ct)
    {
        var request = attempt.Request;
        var (source, destination) = (attempt.Source, attempt.Destination);
        var work = WorkDirectory(request.MigrationId);
        attempt.WorkDirectories = new CriuWorkDirectories(work, work, [LazyPagesCommands.DaemonLog]);
        try
        {
            return await MigrateAsync(attempt, work, parent, ct);
        }
        finally
        {
            foreach (var host in new[] { source, destination })
                await host.RunAsync(Command.Of("rm", "-rf", "--one-file-system", work), CancellationToken.None);
        }
    }

    private static async Task<MigrationResult> MigrateAsync(MigrationAttempt attempt, string work, IMigrationTransfer? parent, CancellationToken ct)
    {
        var request = attempt.Request;
        var (source, destination) = (attempt.Source, attempt.Destination);

        IMigrationTransfer transfer;
        try
        {
            using (attempt.Step("prepare"))
            {
                foreach (var host in new[] { source, destination })
                {
                    await EnsurePipeMaxSizeAsync(host, ct);
                    await host.RemoveAsync(work, ct);
                    await host.MakeDirectoryAsync(work, ct);
                }
                transfer = await request.Strategy.PrepareAsync(new TransferRequest(source, destination, request.MigrationId, attempt.Workload.Directory) { Parent = parent }, ct);
            }
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.NotStartedAsync($"preparing the post-copy migration failed: {e.Message}", ct);
        }

        // Ends the dump and the daemon wherever the migration gives up; both also stop by their work directory.
        using var lazy = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = new LazyRun(attempt, transfer, work, lazy);
        await attempt.SettleDisksAsync(ct);
        var clock = Stopwatch.StartNew();

        using (attempt.Step("checkpoint", source))
        {
            var dump = request.Engine.CheckpointAsync(attempt.Workload, transfer.DumpDirectory,
                [.. transfer.DumpArguments, .. (parent is null ? [] : CriuCommands.Chained(PreCopy.Rounds.ParentLink(transfer, parent))),
                    .. LazyPagesCommands.DumpArguments(source.Ssh.Address, Port, work)], lazy.Token);
            run.Dump = Timed(dump, clock);
            string? failure;
            try
            {
                failure = await ReadyBeforeEndAsync(source, LazyPagesCommands.WaitForLogLine($"{work}/{CriuLog.DumpLog}", LazyPagesCommands.ServingMarker, ServingLimit), run.Dump, ct)
                    ? null
                    : await EndedEarlyAsync(run.Dump, "criu dump --lazy-pages returned before it served any page");
            }
            catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
            {
                failure = e.Message;
            }
            if (failure is not null)
                return await run.AbandonAsync($"checkpoint failed: {failure}", ct);
        }
        attempt.Update(row => row with { CheckpointTimeMs = MigrationAttempt.Ms(clock.Elapsed) });

        var (moved, transferFailure) = await attempt.TransferAsync(transfer, ct);
        if (moved is null) return await run.AbandonAsync(transferFailure!, ct); // the source stays frozen until the lazy dump is stopped

        var restoreClock = Stopwatch.StartNew();
        ResumedWorkload resumed;
        using (attempt.Step("restore", destination))
        {
            run.Daemon = Timed(destination.RunAsync(LazyPagesCommands.Daemon(transfer.RestoreDirectory, work, source.Ssh.Address, Port), lazy.Token), clock);
            try
            {
                if (!await ReadyBeforeEndAsync(destination, LazyPagesCommands.WaitForSocket($"{work}/{LazyPagesCommands.Socket}", DaemonStartLimit), run.Daemon, ct))
                    return await run.AbandonAsync($"criu lazy-pages ended before it listened: {await run.DaemonProblemAsync(ct)}", ct);
                resumed = await request.Engine.ResumeAsync(destination, attempt.Workload, transfer.RestoreDirectory, LazyPagesCommands.RestoreArguments(work), ct);
            }
            catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
            {
                return await run.AbandonAsync($"restore failed: {e.Message}", ct);
            }
        }
        attempt.Update(row => row with { RestoreTimeMs = MigrationAttempt.Ms(restoreClock.Elapsed), StopTimeMs = MigrationAttempt.Ms(clock.Elapsed) });
        RunningWorkload restored;
        try
        {
            using (attempt.Step("locate", destination))
                restored = await resumed.LocateAsync(ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await run.AbandonAsync($"restore failed: {e.Message}", ct);
        }
        attempt.Restored = restored;

        string? problem;
        Verification? verified = null;
        try
        {
            verified = await attempt.VerifyAsync(restored, ct);
            problem = verified.Problem ?? await run.AwaitAllPagesAsync(restored, ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            problem = $"verifying the restored workload failed: {e.Message}";
        }
        if (problem is null)
        {
            var inventory = await attempt.MeasureImagesAsync(transfer, ct);
            var held = (inventory?.ImageBytes ?? 0) + (attempt.Row.LazyPages ?? 0) * PageBytes;
            // Chained to a pre-copy round (hybrid), the round holds the memory and this dump only what changed since.
            if (parent is null && attempt.Workload.Spec.MinimumImageBytes is { } least && inventory is not null && held < least)
                problem = $"the images and the lazily sent pages hold {held / 1048576.0:0.0} MiB, less than the {least / 1048576.0:0.0} MiB the workload holds";
        }
        if (problem is not null)
        {
            // Once the dump served every page it ended the source: the restored copy is all there is, so keep it if it runs.
            if (run.SourceEnded && await WorkloadLiveness.IsProgressingAsync(restored, ct))
            {
                await attempt.DisposeQuietlyAsync(transfer);
                return new(attempt.Failed($"{problem}; the source's dump had already served every page and ended it there, and the workload runs on {destination.Name}", destination), restored);
            }
            await request.Engine.StopAsync(restored, ct);
            attempt.Restored = null;
            return await run.AbandonAsync(problem, ct);
        }
        return await attempt.SucceededAsync(restored, transfer, verified!.Report!, ct);
    }

    /// <summary>Before the dump: a limit put back (by another run, by hand) since the run raised it would make the lazy transfer fail.</summary>
    private static async Task EnsurePipeMaxSizeAsync(IHost host, CancellationToken ct)
    {
        if (await PipeMaxSizeGuard.ReadAsync(host, ct) is { } size && size < PipeMaxSizeGuard.Required)
            throw new InvalidOperationException(
                $"fs.pipe-max-size on {host.Name} is {size}, below the {PipeMaxSizeGuard.Required} CRIU's lazy page server needs here " +
                "(the run raises it at its start; something put it back): `sysctl -w fs.pipe-max-size=4194304`");
    }

    /// <summary>
    /// Runs <paramref name="wait"/> on the host until it returns (true) or <paramref name="ended"/>
    /// completes first (false: what it waited for will not come).
    /// </summary>
    private static async Task<bool> ReadyBeforeEndAsync(IHost host, Command wait, Task ended, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = host.RunCheckedAsync(wait, waiting.Token);
        if (await Task.WhenAny(ready, ended) == ready)
        {
            await ready;
            return true;
        }
        await waiting.CancelAsync();
        try { await ready; }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        return false;
    }

    private static async Task<string> EndedEarlyAsync(Task<(CommandOutcome Outcome, TimeSpan At)> dump, string otherwise)
    {
        var (outcome, _) = await dump;
        return outcome.Error?.Message ?? otherwise;
    }

    /// <summary>The task's outcome and when it came, by <paramref name="clock"/>; failures are kept, not thrown.</summary>
    private static async Task<(CommandOutcome Outcome, TimeSpan At)> Timed(Task task, Stopwatch clock)
    {
        try
        {
            await task;
            return (new CommandOutcome(task is Task<CommandResult> command ? command.Result : null, null), clock.Elapsed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (new CommandOutcome(null, e), clock.Elapsed);
        }
    }

    /// <summary>A background CRIU process's result, or what it threw.</summary>
    private sealed record CommandOutcome(CommandResult? Result, Exception? Error);

    /// <summary>The two long-running CRIU processes of one migration (the lazy dump, the lazy-pages daemon), and the ways out.</summary>
    private sealed class LazyRun(MigrationAttempt attempt, IMigrationTransfer transfer, string work, CancellationTokenSource lazy)
    {
        public Task<(CommandOutcome Outcome, TimeSpan At)>? Dump { get; set; }
        public Task<(CommandOutcome Outcome, TimeSpan At)>? Daemon { get; set; }

        /// <summary>The lazy dump returned successfully: it served every page and ended the source's workload.</summary>
        public bool SourceEnded => Dump is { IsCompletedSuccessfully: true } dump && dump.Result.Outcome.Error is null;

        /// <summary>
        /// After the restore: waits until the last page arrived and the dump returned, then checks that
        /// the workload still runs, and fills the row's post-copy columns. Returns the problem, if any.
        /// </summary>
        public async Task<string?> AwaitAllPagesAsync(RunningWorkload restored, CancellationToken ct)
        {
            var (source, destination) = (attempt.Source, attempt.Destination);
            (CommandOutcome Outcome, TimeSpan At) daemon, dump;
            using (attempt.Step("lazy-pages", destination))
                daemon = await Daemon!;
            if (daemon.Outcome.Result is not { Succeeded: true } daemonResult)
                return $"criu lazy-pages failed after the restore: {await DaemonProblemAsync(ct)}";
            using (attempt.Step("dump-returns", source))
                dump = await Dump!;
            if (dump.Outcome.Error is { } dumpError)
                return $"criu dump --lazy-pages failed after the restore: {dumpError.Message}";

            // Fewer pages than planned is no failure: a task that exits (the counter's `sleep`) never needs the rest of its pages.
            var daemonLog = await destination.TryReadTextAsync($"{work}/{LazyPagesCommands.DaemonLog}", ct) ?? "";
            var pages = LazyPagesLog.DaemonPages(daemonLog);
            var endNs = LazyPagesCommands.EndedAt(daemonResult.StandardOutput);
            var stall = await StallAsync(restored, endNs, ct);
            attempt.Update(row => row with
            {
                AllPagesTimeMs = MigrationAttempt.Ms(daemon.At),
                MigrationTimeMs = MigrationAttempt.Ms(daemon.At > dump.At ? daemon.At : dump.At),
                LazyPages = pages?.Transferred,
                TransferredBytes = row.TransferredBytes + pages?.Transferred * PageBytes,
                PostRestoreStallMs = stall,
            });
            // A restore that returned 0 proves little under post-copy: the workload must outlive its pages' arrival.
            using (attempt.Step("alive", destination, "verify"))
                if (!await WorkloadLiveness.IsProgressingAsync(restored, ct))
                    return $"the restored workload on {destination.Name} stopped making progress once its pages had arrived (the restore had returned 0)";
            return null;
        }

        /// <summary>The largest gap in the workload's own timestamps from the seam until the last page arrived (timestamp workloads only).</summary>
        private async Task<double?> StallAsync(RunningWorkload restored, long? endNs, CancellationToken ct)
        {
            if (restored.Spec.Output != OutputFormat.CounterTimestamp) return null;
            var seam = await attempt.Source.FileSizeAsync(attempt.Workload.OutputFile, ct);
            var size = await restored.Host.FileSizeAsync(restored.OutputFile, ct);
            if (seam is not { } from || size is not { } to || to <= from) return null;
            var after = await restored.Host.ReadBytesAsync(restored.OutputFile, from, to - from, ct);
            return StallAnalyzer.LargestGapMs(after, endNs);
        }

        public async Task<string> DaemonProblemAsync(CancellationToken ct)
        {
            var errors = await CriuLog.ReadErrorsAsync(attempt.Destination, work, LazyPagesCommands.DaemonLog, ct);
            var outcome = Daemon is { IsCompleted: true } ? Daemon.Result.Outcome : null;
            var exit = outcome?.Result is { } result ? $"exit code {result.ExitCode}" : outcome?.Error?.Message ?? "still running";
            return $"{exit}; {(errors.Count > 0 ? string.Join(" | ", errors) : "no error lines in its log")}";
        }

        /// <summary>
        /// Gives the migration up: stops the daemon and the dump (the frozen source runs on if the
        /// dump had not served every page yet), keeps CRIU's logs, and reports where the workload runs.
        /// </summary>
        public async Task<MigrationResult> AbandonAsync(string reason, CancellationToken ct)
        {
            var (source, destination) = (attempt.Source, attempt.Destination);
            using (attempt.Step("resume-source", source))
            {
                await destination.RunAsync(LazyPagesCommands.Stop(work), CancellationToken.None);
                await source.RunAsync(LazyPagesCommands.Stop(work), CancellationToken.None);
                await lazy.CancelAsync();
                foreach (var running in new[] { Dump, Daemon })
                    if (running is not null) await running; // never throws: Timed keeps failures
                await attempt.SaveLogAsync(source, work, CriuLog.DumpLog);
                await attempt.SaveLogAsync(destination, work, LazyPagesCommands.DaemonLog);
                await attempt.SaveLogAsync(destination, work, CriuLog.RestoreLog);
            }
            return await attempt.SourceResumedAsync(transfer, reason, ct);
        }
    }
}
