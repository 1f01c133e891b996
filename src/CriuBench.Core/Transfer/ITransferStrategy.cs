using CriuBench.Hosts;
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

    /// <summary>Whether it can move this combination's checkpoints between these hosts (asked when the suite loads).</summary>
    Support Supports(Combination combination) => Support.Yes;

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

    /// <summary>Extra arguments for the checkpoint (e.g. --page-server).</summary>
    IReadOnlyList<string> DumpArguments => [];

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
}

/// <summary>How long the transfer took, its timed steps, and the bytes that crossed the link where known.</summary>
public sealed record TransferOutcome(TimeSpan Duration, long? BytesMoved, IReadOnlyList<TransferStep> Steps);

public sealed record TransferStep(string Name, TimeSpan Duration);
