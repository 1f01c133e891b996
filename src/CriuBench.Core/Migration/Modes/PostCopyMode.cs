using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Migration.PostCopy;
using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Vocabulary;
using CriuBench.Workloads;

namespace CriuBench.Migration.Modes;

/// <summary>
/// Post-copy (lazy pages): the source dumps everything but the memory and keeps the pages in the
/// frozen workload, serving them (`criu dump --lazy-pages`, which returns only when every page is
/// served); the strategy moves the page-less images; the destination starts `criu lazy-pages
/// --page-server` and `criu restore --lazy-pages`, and the workload runs there while its memory
/// follows. The stop window ends when the restore returns; the migration ends when the last page
/// arrived and the source's dump returned. Until then the source is only frozen: on a failure the
/// dump is stopped and the workload runs on there again.
/// </summary>
public sealed class PostCopyMode : IMigrationMode, ILazyFinal
{

    public string Name => ModeNames.PostCopy;

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
        var work = WorkDirectory(attempt.Request.MigrationId);
        try
        {
            return await MigrateAsync(attempt, work, parent, ct);
        }
        finally
        {
            foreach (var host in new[] { attempt.Source, attempt.Destination })
                await host.RunAsync(Command.Of("rm", "-rf", "--one-file-system", work), CancellationToken.None);
        }
    }

    private static async Task<MigrationResult> MigrateAsync(MigrationAttempt attempt, string work, IMigrationTransfer? parent, CancellationToken ct)
    {
        var prepared = await attempt.PrepareTransferAsync(ct, new TransferPreparation
        {
            Parent = parent,
            WorkDirectories = new CriuWorkDirectories(work, work, [LazyPagesCommands.DaemonLog]),
            HostsFirst = token => PrepareWorkAsync([attempt.Source, attempt.Destination], work, token),
            What = "the post-copy migration",
        });
        if (prepared.Ended) return prepared.End;

        // Ends the dump and the daemon wherever the migration gives up; both also stop by their work directory.
        using var lazy = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = new LazyRun(attempt, prepared.Value, work, lazy);
        // Built before the checkpoint, so the stop window holds nothing new.
        Func<IReadOnlyList<CriuOption>, Task> dump = arguments => run.DumpUntilServingAsync(arguments, ct);
        Func<CancellationToken, Task<string?>> startDaemon = run.StartDaemonAsync;
        var restoreArguments = LazyPagesCommands.RestoreArguments(work);

        await attempt.SettleDisksAsync(ct);
        if (await attempt.CheckpointAsync(dump, run, ct) is { } checkpointFailed) return checkpointFailed;
        // The source stays frozen until the lazy dump is stopped (the fallback does) or has served every page.
        if (await attempt.MoveAsync(ct) is { } notMoved) return notMoved;
        if (await attempt.RestoreAsync(ct, restoreArguments, startDaemon) is { } notRestored) return notRestored;
        // Chained to a pre-copy round (hybrid), the round holds the memory and this dump only what changed since.
        return await attempt.VerifyOrFallBackAsync(ct, wholeMemory: parent is null, settled: run.AwaitAllPagesAsync);
    }

    /// <summary>CRIU's work directory, empty on both hosts, and the pipe limit still as the run raised it.</summary>
    private static async Task PrepareWorkAsync(IReadOnlyList<IHost> hosts, string work, CancellationToken ct)
    {
        foreach (var host in hosts)
        {
            await EnsurePipeMaxSizeAsync(host, ct);
            await host.RemoveAsync(work, ct);
            await host.MakeDirectoryAsync(work, ct);
        }
    }

    /// <summary>Before the dump: a limit put back (by another run, by hand) since the run raised it would make the lazy transfer fail.</summary>
    private static async Task EnsurePipeMaxSizeAsync(IHost host, CancellationToken ct)
    {
        if (await PipeMaxSizeGuard.ReadAsync(host, ct) is { } size && size < PipeMaxSizeGuard.Required)
            throw new InvalidOperationException(
                $"fs.pipe-max-size on {host.Name} is {size}, below the {PipeMaxSizeGuard.Required} CRIU's lazy page server needs here " +
                "(the run raises it at its start; something put it back): `sysctl -w fs.pipe-max-size=4194304`");
    }
}
