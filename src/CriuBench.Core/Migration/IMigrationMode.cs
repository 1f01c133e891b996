using CriuBench.Preflight;

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
    /// Performs one migration. Failures of a phase end as a failed row that says where the workload
    /// runs (or that it is lost and where its images are), never as an exception.
    /// </summary>
    Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct);
}
