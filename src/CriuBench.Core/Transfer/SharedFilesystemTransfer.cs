using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Transfer.SharedFilesystem;

namespace CriuBench.Transfer;

/// <summary>
/// The images directory lives on a network filesystem every host mounts at the same path:
/// dump writes straight into it and restore reads straight from it, so the image bytes cross
/// the link during those two steps, not in a transfer step. Which filesystem (sshfs, NFS) is the
/// <see cref="ISharedFilesystem"/> a strategy passes in; everything else is the same for both.
/// </summary>
public abstract class SharedFilesystemTransfer(ISharedFilesystem filesystem, ILog? log) : IPreCopyTransfer
{
    private readonly ILog log = log ?? NullLog.Instance;

    public abstract string Name { get; }

    /// <summary>
    /// First removes what a crashed run left on any host (of either filesystem: both use the one
    /// mount point), the mounting hosts before the serving one, then mounts.
    /// </summary>
    public async Task SetUpAsync(IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        foreach (var host in hosts.Reverse())
        foreach (var any in SharedFilesystems.All(log))
        foreach (var removed in await any.RemoveLeftoversAsync(host, ct))
            log.Info($"{host.Name}: {removed} (left by an earlier run that did not finish)");
        await filesystem.MountAsync(hosts, ct);
    }

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        var transfer = new Session(request);
        await request.Source.MakeDirectoryAsync(transfer.DumpDirectory, ct);
        await request.Destination.RemoveAsync(request.WorkloadDirectory, ct);
        await request.Destination.MakeDirectoryAsync(Path.GetDirectoryName(request.WorkloadDirectory)!, ct);
        return transfer;
    }

    /// <summary>A pre-copy round is written straight into the share: its pages cross the link during the pre-dump.</summary>
    public async Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        var round = new Session(request, round: true);
        await request.Source.RemoveAsync(round.DumpDirectory, ct);
        await request.Source.MakeDirectoryAsync(round.DumpDirectory, ct);
        return round;
    }

    public async ValueTask DisposeAsync()
    {
        await filesystem.UnmountAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class Session(TransferRequest request, bool round = false) : IMigrationTransfer
    {
        private string Root => $"{HostPaths.SharedMount}/{request.MigrationId}";
        private string Files => $"{Root}/files";

        public string DumpDirectory => $"{Root}/images";
        public string RestoreDirectory => DumpDirectory;

        /// <summary>Only the workload's own files move here: out to the share, in from it.</summary>
        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            if (round) return steps.Finish(bytesMoved: null);
            // Into the share without owners and times: sshfs cannot set them on a symlink (it follows
            // the link, and fails while its target is not copied yet, as in a container's rootfs).
            // The sftp server writes as root, who owns a workload's files anyway, and no restore
            // checks a file's times. NFS could keep them; one command keeps the two comparable.
            await steps.RunAsync("files-out", request.Source,
                Command.Of("cp", "-a", "--no-preserve=ownership,timestamps", request.WorkloadDirectory, Files), ct);
            await steps.RunAsync("files-in", request.Destination, Command.Of("cp", "-a", Files, request.WorkloadDirectory), ct);
            return steps.Finish(bytesMoved: null);
        }

        public async ValueTask DisposeAsync() => await request.Source.RemoveAsync(Root);
    }
}
