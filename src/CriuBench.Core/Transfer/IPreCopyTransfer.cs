namespace CriuBench.Transfer;

/// <summary>
/// A strategy that can also move pre-copy rounds: memory pages a `criu pre-dump` wrote while the
/// workload runs, each round into its own directory chained to the previous one. Optional: the
/// pre-copy modes refuse a strategy that does not implement it, when the suite loads.
/// </summary>
public interface IPreCopyTransfer : ITransferStrategy
{
    IPreCopyTransfer? ITransferStrategy.PreCopyRounds => this;

    /// <summary>
    /// Like <see cref="ITransferStrategy.PrepareAsync"/> for one round, named by
    /// <see cref="TransferRequest.MigrationId"/> (the migration's id with the round's suffix), chained
    /// to <see cref="TransferRequest.Parent"/>. Its <see cref="IMigrationTransfer.TransferAsync"/>
    /// moves the round's images only (the workload's files move with the final checkpoint), to the
    /// same path relative to the final checkpoint's restore directory as on the source, so CRIU's
    /// relative `parent` links resolve on both hosts. Disposing it removes the round on both hosts.
    /// </summary>
    Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct);
}
