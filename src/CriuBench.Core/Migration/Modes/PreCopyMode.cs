using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Vocabulary;
using CriuBench.Workloads;

namespace CriuBench.Migration.Modes;

/// <summary>
/// Iterative pre-copy: while the workload runs, rounds of `criu pre-dump` (each into its own
/// directory chained to the previous one) are moved to the destination by the strategy, until the
/// stop rule says stop; then the final dump, chained to the last round, holds only the pages changed
/// since, and is moved and restored as in cold mode. The stop window is the final dump, its
/// transfer and the restore. Needs soft-dirty tracking on the hosts (refused at load otherwise).
/// </summary>
public sealed class PreCopyMode(IStopRule rule) : IMigrationMode
{
    public string Name => ModeNames.PreCopy;

    public IStopRule Rule => rule;

    public Support Supports(Combination combination) => PreCopySupport.Check(combination);

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var request = attempt.Request;
        var strategy = PreCopySupport.Rounds(request.Strategy);
        var rounds = new Rounds(attempt, strategy, rule);
        if (await rounds.CopyWhileRunningAsync(round => $"pre-copy round {round}", ct) is { } notStarted) return notStarted;

        var final = await attempt.PrepareTransferAsync(ct, new TransferPreparation
        {
            Rounds = rounds.Done,
            What = $"the {request.Strategy.Name} transfer of the final dump",
        });
        if (final.Ended) return final.End;
        var result = await StopAndCopy.RunAsync(attempt, ct, wholeImages: false);
        rounds.Record(result.Record.TransferredBytes);
        return result with { Record = attempt.Row };
    }
}
