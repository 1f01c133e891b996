using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Transfer;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration.PostCopy;

/// <summary>
/// The two long-running CRIU processes of one post-copy migration (the lazy dump on the source, the
/// lazy-pages daemon on the destination), and post-copy's way back (<see cref="IFallback"/>): until
/// the dump served every page the source is only frozen, so giving up stops both and it runs on.
/// </summary>
public sealed class LazyRun(MigrationAttempt attempt, IMigrationTransfer transfer, string work, CancellationTokenSource lazy) : IFallback
{
    /// <summary>How long the lazy dump may take to freeze the workload and write the page-less images.</summary>
    private static readonly TimeSpan ServingLimit = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan DaemonStartLimit = TimeSpan.FromMinutes(1);

    private Task<(CommandOutcome Outcome, TimeSpan At)>? dump;
    private Task<(CommandOutcome Outcome, TimeSpan At)>? daemon;

    /// <summary>The lazy dump returned successfully: it served every page and ended the source's workload.</summary>
    public bool SourceEnded => dump is { IsCompletedSuccessfully: true } ended && ended.Result.Outcome.Error is null;

    /// <summary>
    /// The checkpoint: starts `criu dump --lazy-pages` (it returns only when every page is served) and
    /// returns once it serves; throws why it will not.
    /// </summary>
    public async Task DumpUntilServingAsync(IReadOnlyList<CriuOption> arguments, CancellationToken ct)
    {
        var source = attempt.Source;
        dump = Timed(attempt.Request.Engine.CheckpointAsync(attempt.Workload, transfer.DumpDirectory,
            [.. arguments, .. LazyPagesCommands.DumpArguments(source.Ssh.Address, LazyPagesCommands.Port, work)], lazy.Token));
        if (!await ReadyBeforeEndAsync(source, LazyPagesCommands.WaitForLogLine($"{work}/{CriuLog.DumpLog}", LazyPagesCommands.ServingMarker, ServingLimit), dump, ct))
            throw new InvalidOperationException((await dump).Outcome.Error?.Message ?? "criu dump --lazy-pages returned before it served any page");
    }

    /// <summary>Before the restore, inside its step: starts `criu lazy-pages --page-server`; returns why it did not listen, if it did not.</summary>
    public async Task<string?> StartDaemonAsync(CancellationToken ct)
    {
        var destination = attempt.Destination;
        daemon = Timed(destination.RunAsync(LazyPagesCommands.Daemon(transfer.RestoreDirectory, work, attempt.Source.Ssh.Address, LazyPagesCommands.Port), lazy.Token));
        return await ReadyBeforeEndAsync(destination, LazyPagesCommands.WaitForSocket($"{work}/{LazyPagesCommands.Socket}", DaemonStartLimit), daemon, ct)
            ? null
            : $"criu lazy-pages ended before it listened: {await DaemonProblemAsync(ct)}";
    }

    /// <summary>
    /// After the restore: waits until the last page arrived and the dump returned, then checks that
    /// the workload still runs, and fills the row's post-copy columns. Returns the problem, if any.
    /// </summary>
    public async Task<string?> AwaitAllPagesAsync(RunningWorkload restored, CancellationToken ct)
    {
        var (source, destination) = (attempt.Source, attempt.Destination);
        (CommandOutcome Outcome, TimeSpan At) served, dumped;
        using (attempt.Step("lazy-pages", destination))
            served = await daemon!;
        if (served.Outcome.Result is not { Succeeded: true } daemonResult)
            return $"criu lazy-pages failed after the restore: {await DaemonProblemAsync(ct)}";
        using (attempt.Step("dump-returns", source))
            dumped = await dump!;
        if (dumped.Outcome.Error is { } dumpError)
            return $"criu dump --lazy-pages failed after the restore: {dumpError.Message}";

        // Fewer pages than planned is no failure: a task that exits (the counter's `sleep`) never needs the rest of its pages.
        var daemonLog = await destination.TryReadTextAsync($"{work}/{LazyPagesCommands.DaemonLog}", ct) ?? "";
        var pages = LazyPagesLog.DaemonPages(daemonLog);
        var endNs = LazyPagesCommands.EndedAt(daemonResult.StandardOutput);
        var stall = await StallAsync(restored, endNs, ct);
        attempt.Update(row => row with
        {
            AllPagesTimeMs = MigrationAttempt.Ms(served.At),
            MigrationTimeMs = MigrationAttempt.Ms(served.At > dumped.At ? served.At : dumped.At),
            LazyPages = pages?.Transferred,
            TransferredBytes = row.TransferredBytes + pages?.Transferred * LazyPagesCommands.PageBytes,
            PostRestoreStallMs = stall,
        });
        // A restore that returned 0 proves little under post-copy: the workload must outlive its pages' arrival.
        using (attempt.Step("alive", destination, "verify"))
            if (!await WorkloadLiveness.IsProgressingAsync(restored, ct))
                return $"the restored workload on {destination.Name} stopped making progress once its pages had arrived (the restore had returned 0)";
        return null;
    }

    public Task<MigrationResult> CheckpointFailedAsync(Exception error, CancellationToken ct) => AbandonAsync($"checkpoint failed: {error.Message}", ct);

    public Task<MigrationResult> FallBackAsync(string reason, CancellationToken ct) => AbandonAsync(reason, ct);

    public async Task<MigrationResult> RejectAsync(RunningWorkload restored, string problem, CancellationToken ct)
    {
        // Once the dump served every page it ended the source: the restored copy is all there is, so keep it if it runs.
        if (SourceEnded && await WorkloadLiveness.IsProgressingAsync(restored, ct))
        {
            await attempt.DisposeQuietlyAsync(transfer);
            var destination = attempt.Destination;
            return new(attempt.Failed($"{problem}; the source's dump had already served every page and ended it there, and the workload runs on {destination.Name}", destination), restored);
        }
        await attempt.DiscardRestoredAsync(ct, quietly: false);
        return await AbandonAsync($"{problem}; the copy restored on {attempt.Destination.Name} was stopped", ct, afterRestore: true);
    }

    /// <summary>
    /// Gives the migration up: stops the daemon and the dump (the frozen source runs on if the
    /// dump had not served every page yet), keeps CRIU's logs, and reports where the workload runs.
    /// </summary>
    /// <param name="afterRestore">
    /// A restore had run: once CRIU is stopped, what it left on the destination beside the copy the
    /// PID file named (tasks of a daemon that failed) is stopped too.
    /// </param>
    private async Task<MigrationResult> AbandonAsync(string reason, CancellationToken ct, bool afterRestore = false)
    {
        var (source, destination) = (attempt.Source, attempt.Destination);
        using (attempt.Step("resume-source", source))
        {
            await destination.RunAsync(LazyPagesCommands.Stop(work), CancellationToken.None);
            await source.RunAsync(LazyPagesCommands.Stop(work), CancellationToken.None);
            await lazy.CancelAsync();
            foreach (var running in new[] { dump, daemon })
                if (running is not null) await running; // never throws: Timed keeps failures
            if (afterRestore) reason = await attempt.StopHalfRestoredAsync(reason);
            await attempt.SaveLogAsync(source, work, CriuLog.DumpLog);
            await attempt.SaveLogAsync(destination, work, LazyPagesCommands.DaemonLog);
            await attempt.SaveLogAsync(destination, work, CriuLog.RestoreLog);
        }
        return await attempt.SourceResumedAsync(reason, ct);
    }

    /// <summary>The largest gap in the workload's own timestamps from the seam until the last page arrived (timestamp workloads only).</summary>
    private async Task<double?> StallAsync(RunningWorkload restored, long? endNs, CancellationToken ct)
    {
        // A service's client is read over its own window after the restore (client_p99_after_ms).
        if (restored.Spec.Output != OutputFormat.CounterTimestamp || restored.Client is not null) return null;
        var seam = await attempt.Source.FileSizeAsync(attempt.Workload.OutputFile, ct);
        var size = await restored.Host.FileSizeAsync(restored.OutputFile, ct);
        if (seam is not { } from || size is not { } to || to <= from) return null;
        var after = await restored.Host.ReadBytesAsync(restored.OutputFile, from, to - from, ct);
        return StallAnalyzer.LargestGapMs(after, endNs, restored.Spec.LineFormat);
    }

    private async Task<string> DaemonProblemAsync(CancellationToken ct)
    {
        var errors = await CriuLog.ReadErrorsAsync(attempt.Destination, work, LazyPagesCommands.DaemonLog, ct);
        var outcome = daemon is { IsCompleted: true } ? daemon.Result.Outcome : null;
        var exit = outcome?.Result is { } result ? $"exit code {result.ExitCode}" : outcome?.Error?.Message ?? "still running";
        return $"{exit}; {(errors.Count > 0 ? string.Join(" | ", errors) : "no error lines in its log")}";
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

    /// <summary>The task's outcome and when it came, since the checkpoint began; failures are kept, not thrown.</summary>
    private async Task<(CommandOutcome Outcome, TimeSpan At)> Timed(Task task)
    {
        try
        {
            await task;
            return (new CommandOutcome(task is Task<CommandResult> command ? command.Result : null, null), attempt.SinceCheckpoint);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (new CommandOutcome(null, e), attempt.SinceCheckpoint);
        }
    }

    /// <summary>A background CRIU process's result, or what it threw.</summary>
    private sealed record CommandOutcome(CommandResult? Result, Exception? Error);
}
