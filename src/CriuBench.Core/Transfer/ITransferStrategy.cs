using CriuBench.Hosts;
using CriuBench.Criu;
using CriuBench.Preflight;

namespace CriuBench.Transfer;

/// <summary>
/// A way of moving a checkpoint (images plus the workload's own files) from one host to another.
/// One instance serves a whole run: <see cref="SetUpAsync"/> before the first migration
/// (mounts, daemons), <see cref="IAsyncDisposable.DisposeAsync"/> after the last.
/// </summary>
public interface ITransferStrategy : IAsyncDisposable
{
    string Name { get; }

    /// <summary>
    /// The same strategy as one that moves pre-copy rounds; null where it cannot (the pre-copy modes
    /// refuse it when the suite loads, from <see cref="StrategyCapabilities.MovesPreCopyRounds"/>).
    /// </summary>
    IPreCopyTransfer? PreCopyRounds => null;

    Task SetUpAsync(IReadOnlyList<IHost> hosts, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Before the checkpoint: decides where images go, and starts anything that must be ready.</summary>
    Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct);
}

/// <summary>One migration's worth of moving things.</summary>
public sealed record TransferRequest(IHost Source, IHost Destination, string MigrationId, string WorkloadDirectory)
{
    /// <summary>
    /// Pre-copy: the images this checkpoint builds on (the previous round, already on the
    /// destination). CRIU links it as `parent` and leaves out the pages it holds; a strategy that
    /// receives pages itself (a page server) must know it too, or every page crosses again.
    /// </summary>
    public IMigrationTransfer? Parent { get; init; }
}

/// <summary>
/// The transfer of one migration. Disposing it removes what it left on both hosts (images,
/// archives), so a run does not fill the disks.
/// </summary>
public interface IMigrationTransfer : IAsyncDisposable
{
    /// <summary>Where the checkpoint is written, on the source.</summary>
    string DumpDirectory { get; }

    /// <summary>What the checkpoint needs besides (e.g. a page server to send the pages to); the engine renders it.</summary>
    IReadOnlyList<CriuOption> DumpArguments => [];

    /// <summary>Where the restore reads the images, on the destination.</summary>
    string RestoreDirectory { get; }

    /// <summary>After the checkpoint: moves what has not moved yet, so the destination can restore.</summary>
    Task<TransferOutcome> TransferAsync(CancellationToken ct);

    /// <summary>
    /// When the migration failed after the checkpoint: makes a complete set of images available on
    /// the source (where the workload is restored instead) and returns that directory. Most
    /// strategies still have them in <see cref="DumpDirectory"/>; one that streamed pages away
    /// must bring them back.
    /// </summary>
    Task<string> ImagesForSourceRestoreAsync(CancellationToken ct) => Task.FromResult(DumpDirectory);

    /// <summary>
    /// After the restore, outside the stop window: what the transfer moved, with what a strategy
    /// could only count afterwards (the pages a page server received) added to <paramref name="moved"/>.
    /// </summary>
    Task<TransferOutcome> CountAfterRestoreAsync(TransferOutcome moved, CancellationToken ct) => Task.FromResult(moved);
}

/// <summary>How long the transfer took, its timed steps, and the bytes that crossed the link where known.</summary>
public sealed record TransferOutcome(TimeSpan Duration, long? BytesMoved, IReadOnlyList<TransferStep> Steps);

/// <param name="Offset">When the step started, from the start of the transfer (null where unknown: steps are then taken as back to back).</param>
public sealed record TransferStep(string Name, TimeSpan Duration, TimeSpan? Offset = null);
