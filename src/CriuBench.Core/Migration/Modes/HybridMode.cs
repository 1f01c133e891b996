using CriuBench.Migration.PostCopy;
using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Vocabulary;
using CriuBench.Workloads;
using CriuBench.Transfer;

namespace CriuBench.Migration.Modes;

/// <summary>
/// Hybrid: one pre-copy round while the workload runs (most pages move then), then a lazy final
/// migration (post-copy) chained to it: the workload resumes on the destination at once and only
/// the pages dirtied since the round are fetched on demand. Needs soft-dirty for the round and
/// userfaultfd for the lazy part; the lazy part is post-copy's (<see cref="ILazyFinal"/>).
/// </summary>
/// <param name="lazy">Post-copy's final phase, shared with the postcopy mode (MigrationModes passes it).</param>
public sealed class HybridMode(ILazyFinal lazy) : IMigrationMode
{
    public string Name => ModeNames.Hybrid;

    public IStopRule Rule { get; } = new FixedRoundsStopRule(1);

    public Support Supports(Combination combination) =>
        PreCopySupport.Check(combination)
            .Then(() => Support.Unless(combination.HostsWithout(host => host.Uffd) is null,
                $"hybrid's final phase is post-copy and needs userfaultfd (uffd-noncoop), which {combination.HostsWithout(host => host.Uffd)} lack"))
            .Then(() => lazy.Supports(combination));

    /// <summary>The lazy final phase's host settings (post-copy raises fs.pipe-max-size for the run).</summary>
    public Task<IAsyncDisposable> PrepareHostsAsync(IReadOnlyList<Hosts.IHost> hosts, Logging.ILog log, CancellationToken ct) =>
        lazy.PrepareHostsAsync(hosts, log, ct);

    public string? HostPreparation => lazy.HostPreparation;

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var rounds = new Rounds(attempt, PreCopySupport.Rounds(attempt.Request.Strategy), Rule);
        if (await rounds.CopyWhileRunningAsync(_ => "the pre-copy round", ct) is { } notStarted) return notStarted;

        MigrationResult result;
        try
        {
            result = await lazy.RunAsync(attempt, rounds.Done[^1], ct);
        }
        finally
        {
            await RoundChain.DisposeAllAsync(rounds.Done);
        }
        rounds.Record(result.Record.TransferredBytes);
        return result with { Record = attempt.Row };
    }
}
