using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Transfer;

namespace CriuBench.Migration.PreCopy;

/// <summary>
/// The pre-copy rounds while the workload runs: each a `pre-dump` into its own directory chained to
/// the previous one, moved to the destination by the strategy, its stats-dump read and appended to
/// iterations.csv, then the stop rule asked (and the engine, where it can chain only so many rounds).
/// Shared by precopy and hybrid.
/// </summary>
public sealed class Rounds(MigrationAttempt attempt, IPreCopyTransfer strategy, IStopRule rule)
{
    private readonly List<IMigrationTransfer> done = [];
    private readonly List<DumpStats> stats = [];

    /// <summary>The rounds made, oldest first; the last is the final checkpoint's parent.</summary>
    public IReadOnlyList<IMigrationTransfer> Done => done;

    public string? StopReason { get; private set; }

    public IStopRule Rule => rule;

    /// <summary>What crossed the link in all rounds; null if any round's strategy could not say.</summary>
    public long? BytesMoved { get; private set; } = 0;

    /// <summary>The round directory's name: the migration's id with the round's number, a sibling of the final images.</summary>
    public static string RoundId(string migrationId, int round) => $"{migrationId}.it{round}";

    /// <summary>
    /// The rounds as a phase of the attempt: runs them until the stop rule says stop and records the
    /// row's pre-copy columns. A failed round leaves the workload running (a pre-dump does not stop
    /// it): the rounds are removed and the result is the not-started row. Null: go on.
    /// </summary>
    /// <param name="named">Names the failed round for the row, by its number ("pre-copy round 2").</param>
    public async Task<MigrationResult?> CopyWhileRunningAsync(Func<int, string> named, CancellationToken ct)
    {
        try
        {
            await RunAsync(ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            await RoundChain.DisposeAllAsync(done);
            Record(finalBytes: null);
            return await attempt.NotStartedAsync($"{named(done.Count)} failed: {e.Message}", ct);
        }
        Record(finalBytes: null);
        return null;
    }

    /// <summary>The row's pre-copy columns: rounds, rule, why it stopped, and all bytes over the link (with the final checkpoint's, once known).</summary>
    public void Record(long? finalBytes) =>
        attempt.Update(row => row with
        {
            Iterations = done.Count,
            StopRule = rule.Name,
            StopReason = StopReason,
            LinkBytes = BytesMoved + finalBytes,
        });

    /// <summary>Runs rounds until the stop rule or the engine says stop. Throws what a failed round threw; <see cref="Done"/> holds what to clean up.</summary>
    private async Task RunAsync(CancellationToken ct)
    {
        var request = attempt.Request;
        while (StopReason is null)
        {
            var number = done.Count + 1;
            var parent = done.Count > 0 ? done[^1] : null;
            IMigrationTransfer round;
            using (attempt.Step($"round-{number}-prepare", attempt.Source))
                round = await strategy.PrepareRoundAsync(new TransferRequest(attempt.Source, attempt.Destination,
                    RoundId(request.MigrationId, number), attempt.Workload.Directory) { Parent = parent }, ct);
            done.Add(round);

            var clock = Stopwatch.StartNew();
            using (attempt.Step($"round-{number}-pre-dump", attempt.Source))
                await request.Engine.PreDumpAsync(attempt.Workload, round.DumpDirectory, RoundChain.ParentLink(round, parent), round.DumpArguments, ct);
            var dumpTime = clock.Elapsed;
            var roundStats = (await CriuStatistics.ReadAsync(attempt.Source, round.DumpDirectory, ct)).Dump
                ?? throw new InvalidOperationException($"pre-dump round {number} left no {CriuStatistics.DumpFile} in {round.DumpDirectory} on {attempt.Source.Name}");
            TransferOutcome moved;
            using (attempt.Step($"round-{number}-transfer", attempt.Source))
                moved = await round.TransferAsync(ct);
            stats.Add(roundStats);
            BytesMoved = BytesMoved + moved.BytesMoved;

            StopReason = rule.StopReason(stats) ?? request.Engine.NoFurtherPreDump(done.Count);
            await attempt.Iterations.AppendAsync(IterationRows.From(attempt, number, roundStats, moved, dumpTime, clock.Elapsed,
                StopReason is null ? "continue" : $"stop: {StopReason}"), ct);
        }
    }
}
