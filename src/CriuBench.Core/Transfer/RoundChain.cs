using CriuBench.Criu;

namespace CriuBench.Transfer;

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
        await DisposeAllAsync(rounds);
    }

    /// <summary>
    /// CRIU's --prev-images-dir for a checkpoint chained to <paramref name="parent"/>: relative, so
    /// the `parent` link resolves on the destination too. Every strategy keeps the chain at the same
    /// relative place on both hosts; one that did not would restore wrong memory, so it is checked.
    /// </summary>
    public static string? ParentLink(IMigrationTransfer child, IMigrationTransfer? parent)
    {
        if (parent is null) return null;
        var onSource = Path.GetRelativePath(child.DumpDirectory, parent.DumpDirectory);
        var onDestination = Path.GetRelativePath(child.RestoreDirectory, parent.RestoreDirectory);
        return onSource == onDestination
            ? onSource
            : throw new InvalidOperationException($"the rounds are not at the same relative place on both hosts ({onSource} on the source, {onDestination} on the destination): CRIU's parent link would break");
    }

    public static async Task DisposeAllAsync(IEnumerable<IMigrationTransfer> rounds)
    {
        foreach (var round in rounds.Reverse()) await round.DisposeAsync();
    }
}
