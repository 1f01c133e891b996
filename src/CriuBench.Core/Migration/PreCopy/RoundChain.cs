using CriuBench.Criu;
using CriuBench.Transfer;

namespace CriuBench.Migration.PreCopy;

/// <summary>
/// The final checkpoint's transfer with the rounds it is chained to, as one transfer for the shared
/// phases: the fallback first brings every round's pages back to the source (a page server took
/// them away), and disposing it removes the final checkpoint and every round on both hosts.
/// </summary>
public sealed class RoundChain(IMigrationTransfer final, IReadOnlyList<IMigrationTransfer> rounds) : IMigrationTransfer
{
    public string DumpDirectory => final.DumpDirectory;
    public IReadOnlyList<CriuOption> DumpArguments => final.DumpArguments;
    public string RestoreDirectory => final.RestoreDirectory;

    public Task<TransferOutcome> TransferAsync(CancellationToken ct) => final.TransferAsync(ct);

    public async Task<string> ImagesForSourceRestoreAsync(CancellationToken ct)
    {
        foreach (var round in rounds) await round.ImagesForSourceRestoreAsync(ct);
        return await final.ImagesForSourceRestoreAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await final.DisposeAsync();
        await Rounds.DisposeAllAsync(rounds);
    }
}
