using CriuBench.Preflight;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration.PostCopy;

/// <summary>
/// Post-copy's final phase, as hybrid needs it from the postcopy mode: the source dumps with
/// `--lazy-pages` (chained to <paramref name="parent"/> with --track-mem --prev-images-dir, so
/// only pages changed since the round are served lazily), the destination runs `criu lazy-pages
/// --page-server` and `criu restore --lazy-pages` with the parent chain at the same relative path,
/// then verification (the restore, the workload AND the lazy-pages daemon must succeed), the
/// post-copy columns, fallback and the row, through the attempt's shared phases.
/// </summary>
public interface ILazyFinal
{
    /// <summary>Whether the hosts can serve pages lazily (uffd, pipe size...), asked when the suite loads.</summary>
    Support Supports(Combination combination);

    /// <summary>What the hosts need for the lazy phase, once per run (post-copy raises fs.pipe-max-size); disposing undoes it.</summary>
    Task<IAsyncDisposable> PrepareHostsAsync(IReadOnlyList<Hosts.IHost> hosts, Logging.ILog log, CancellationToken ct);

    /// <summary>Names that preparation (see <see cref="IMigrationMode.HostPreparation"/>).</summary>
    string? HostPreparation { get; }

    /// <summary>
    /// Returns once the last page arrived (the lazy-pages daemon ended), so the caller may remove
    /// the round afterwards. The attempt's prepare phase chains the dump to <paramref name="parent"/>
    /// (<c>CriuCommands.Chained(RoundChain.ParentLink(final, parent))</c>), the lazy arguments follow,
    /// and the page server/lazy daemon's images directory gets the same parent link.
    /// </summary>
    /// <param name="parent">The pre-copy round the lazy dump is chained to; null for plain post-copy.</param>
    Task<MigrationResult> RunAsync(MigrationAttempt attempt, IMigrationTransfer? parent, CancellationToken ct);
}
