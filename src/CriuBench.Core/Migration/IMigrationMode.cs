using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// How a workload's state moves: cold (stop, copy, restore), post-copy (restore first, pages
/// follow), pre-copy (copy while it runs, then stop), hybrid. One class each; what every mode
/// shares (guarded phases, the fallback, verification, the row) is in <see cref="MigrationAttempt"/>.
/// </summary>
public interface IMigrationMode
{
    /// <summary>As suites name it in `modes:` and rows carry it.</summary>
    string Name { get; }

    /// <summary>Whether this mode can run the combination on these hosts; asked when the suite loads.</summary>
    Support Supports(Combination combination);

    /// <summary>
    /// Once per run, before its first migration in this mode: what the hosts need for it (e.g. a
    /// kernel limit raised). Disposing the result undoes it; the runner does on every way out, Ctrl-C included.
    /// </summary>
    Task<IAsyncDisposable> PrepareHostsAsync(IReadOnlyList<IHost> hosts, ILog log, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    /// <summary>
    /// Names what <see cref="PrepareHostsAsync"/> sets up, so modes that need the same (post-copy and
    /// hybrid's lazy phase) have it done once per run; null: nothing to prepare.
    /// </summary>
    string? HostPreparation => null;

    /// <summary>
    /// Performs one migration. Failures of a phase end as a failed row that says where the workload
    /// runs (or that it is lost and where its images are), never as an exception.
    /// </summary>
    Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct);
}

/// <summary>A preparation that changed nothing.</summary>
public sealed class NothingToUndo : IAsyncDisposable
{
    public static NothingToUndo Instance { get; } = new();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
