using CriuBench.Criu;
using CriuBench.Migration.PreCopy;
using CriuBench.Preflight;
using CriuBench.Transfer;

namespace CriuBench.Migration;

/// <summary>
/// Iterative pre-copy: while the workload runs, rounds of `criu pre-dump` (each into its own
/// directory chained to the previous one) are moved to the destination by the strategy, until the
/// stop rule says stop; then the final dump, chained to the last round, holds only the pages changed
/// since, and is moved and restored as in cold mode. The stop window is the final dump, its
/// transfer and the restore. Needs soft-dirty tracking on the hosts (refused at load otherwise).
/// </summary>
public sealed class PreCopyMode(IStopRule rule) : IMigrationMode
{
    public string Name => MigrationModes.PreCopy;

    public IStopRule Rule => rule;

    public Support Supports(Combination combination) => PreCopySupport.Check(combination);

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var request = attempt.Request;
        var strategy = PreCopySupport.Rounds(request.Strategy);
        var rounds = new Rounds(attempt, strategy, rule);
        try
        {
            await rounds.RunAsync(ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            // A pre-dump leaves the workload running: nothing was stopped, the rounds are just removed.
            await Rounds.DisposeAllAsync(rounds.Done);
            RecordRounds(attempt, rounds, finalBytes: null);
            return await attempt.NotStartedAsync($"pre-copy round {rounds.Done.Count} failed: {e.Message}", ct);
        }
        RecordRounds(attempt, rounds, finalBytes: null);

        IMigrationTransfer? final = null;
        IReadOnlyList<CriuOption> dumpArguments;
        try
        {
            using (attempt.Step("prepare"))
                final = await request.Strategy.PrepareAsync(new TransferRequest(attempt.Source, attempt.Destination, request.MigrationId,
                    attempt.Workload.Directory) { Parent = rounds.Done[^1] }, ct);
            dumpArguments = [.. final.DumpArguments, .. CriuCommands.Chained(Rounds.ParentLink(final, rounds.Done[^1]))];
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            if (final is not null) await attempt.DisposeQuietlyAsync(final);
            await Rounds.DisposeAllAsync(rounds.Done);
            return await attempt.NotStartedAsync($"preparing the {request.Strategy.Name} transfer of the final dump failed: {e.Message}", ct);
        }

        var chain = new RoundChain(final, rounds.Done);
        var result = await StopAndCopy.RunAsync(attempt, chain, dumpArguments, ct, wholeImages: false);
        RecordRounds(attempt, rounds, result.Record.TransferredBytes);
        return result with { Record = attempt.Row };
    }

    /// <summary>The row's pre-copy columns: rounds, rule, why it stopped, and all bytes over the link.</summary>
    internal static void RecordRounds(MigrationAttempt attempt, Rounds rounds, long? finalBytes) =>
        attempt.Update(row => row with
        {
            Iterations = rounds.Done.Count,
            StopRule = rounds.Rule.Name,
            StopReason = rounds.StopReason,
            LinkBytes = rounds.BytesMoved + finalBytes,
        });
}
