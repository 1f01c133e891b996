using CriuBench.Criu;
using CriuBench.Measurements;
using CriuBench.Transfer;

namespace CriuBench.Migration.PreCopy;

/// <summary>Builds a row of iterations.csv from a round's stats-dump and its transfer.</summary>
internal static class IterationRows
{
    public static IterationRecord From(MigrationAttempt attempt, int number, DumpStats round, TransferOutcome moved,
        TimeSpan dumpTime, TimeSpan total, string decision)
    {
        var request = attempt.Request;
        return new IterationRecord
        {
            RunId = request.RunId,
            MigrationId = request.MigrationId,
            Workload = request.Workload.Spec.Name,
            Mode = request.Mode.Name,
            Strategy = request.Strategy.Name,
            LinkRate = request.LinkRate,
            Iteration = number,
            PagesScanned = round.PagesScanned,
            PagesWritten = round.PagesWritten,
            PagesSkippedParent = round.PagesSkippedParent,
            BytesMoved = moved.BytesMoved,
            DurationMs = MigrationAttempt.Ms(total),
            DumpTimeMs = MigrationAttempt.Ms(dumpTime),
            TransferTimeMs = MigrationAttempt.Ms(moved.Duration),
            CriuFreezingTimeMs = round.FreezingTime.TotalMilliseconds,
            CriuFrozenTimeMs = round.FrozenTime.TotalMilliseconds,
            CriuMemdumpTimeMs = round.MemdumpTime.TotalMilliseconds,
            CriuMemwriteTimeMs = round.MemwriteTime.TotalMilliseconds,
            CriuPagePipes = round.PagePipes,
            Decision = decision,
        };
    }
}
