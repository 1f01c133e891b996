using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// The images directory lives on a network filesystem every host mounts at the same path:
/// dump writes straight into it and restore reads straight from it, so the image bytes cross
/// the link during those two steps, not in a transfer step. In the lab the filesystem is sshfs
/// served by the first host's sshd (this kernel has no NFS); that host mounts its export by
/// bind, as an NFS server reaches its own export locally.
/// </summary>
public sealed class SharedFilesystemTransfer : IPreCopyTransfer
{
    private const string Export = HostPaths.Disk + "/export";
    private readonly List<IHost> mounted = [];

    public string Name => "shared";

    public async Task SetUpAsync(IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        var server = hosts[0];
        await server.MakeDirectoryAsync(Export, ct);
        await server.RunCheckedAsync(Command.Of("mount", "--bind", Export, HostPaths.SharedMount), ct);
        mounted.Add(server);
        foreach (var client in hosts.Skip(1))
        {
            await client.RunCheckedAsync(Command.Of("sshfs", [.. server.Ssh.SshfsOptions, "-o", "dir_cache=no",
                $"{server.Ssh.Target}:{Export}", HostPaths.SharedMount]), ct);
            mounted.Add(client);
        }
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
        // Clients first: the server's export must outlive the mounts that point at it.
        foreach (var host in Enumerable.Reverse(mounted))
            await host.RunAsync(Command.Of("umount", "--lazy", HostPaths.SharedMount));
        if (mounted.Count > 0) await mounted[0].RemoveAsync(Export);
        mounted.Clear();
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
            // checks a file's times.
            await steps.RunAsync("files-out", request.Source,
                Command.Of("cp", "-a", "--no-preserve=ownership,timestamps", request.WorkloadDirectory, Files), ct);
            await steps.RunAsync("files-in", request.Destination, Command.Of("cp", "-a", Files, request.WorkloadDirectory), ct);
            return steps.Finish(bytesMoved: null);
        }

        public async ValueTask DisposeAsync() => await request.Source.RemoveAsync(Root);
    }
}
