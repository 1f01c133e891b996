using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Preflight;
using CriuBench.Workloads;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>
/// The classic NFS lab: the first host's kernel NFS server exports a directory of its disk, and
/// EVERY host mounts it over NFSv4 at the same path, the serving host too (through its own link
/// address). CRIU reopens a file by its absolute path and checks its size; with one filesystem
/// seen the same way everywhere, a path names the same file, with the same NFS file handle and
/// inode number, the same type and the same caching, whichever host dumps and whichever
/// restores, so a migration there and one back measure the same thing. (A bind mount on the
/// server, as sshfs's server has, would put the server's dumps on its local disk and make the two
/// directions differ.)
/// </summary>
public sealed class NfsSharedFilesystem(ILog? log = null) : ISharedFilesystem
{
    private readonly ILog log = log ?? NullLog.Instance;
    private readonly List<IHost> mounted = [];
    private readonly List<IHost> madeMountPoint = [];
    private readonly List<string> exportedTo = [];
    private IHost? server;
    private bool serverMayHaveStarted;

    public string Name => "nfs";

    /// <summary>What the netns lab's kernel answers (and any kernel built without NFS).</summary>
    public const string NoKernelNfs =
        "this kernel has no NFS (client/server not in /proc/filesystems, no module): use the VM lab (--hosts vm) or real hosts, or `shared` (sshfs)";

    /// <summary>The first host serves and every host mounts (the server too): kernel first, then the packages.</summary>
    public Support Supports(Combination combination) => Check(combination);

    /// <summary>As <see cref="Supports"/>, without an instance: asked for the strategy when the suite loads.</summary>
    public static Support Check(Combination combination)
    {
        var hosts = combination.Hosts;
        if (hosts.Count == 0) return Support.No("no hosts to export NFS from");
        var server = hosts[0];
        if (hosts.All(host => !host.NfsClientKernel && !host.NfsServerKernel)) return Support.No(NoKernelNfs);
        if (!server.NfsServerKernel)
            return Support.No($"the kernel of {server.Host} has no NFS server (nfsd not in /proc/filesystems, no module): use the VM lab (--hosts vm) or real hosts, or `shared` (sshfs)");
        if (combination.HostsWithout(host => host.NfsClientKernel) is { } noClient)
            return Support.No($"the kernel of {noClient} has no NFS client (nfs4 not in /proc/filesystems, no module): use the VM lab (--hosts vm) or real hosts, or `shared` (sshfs)");
        if (!server.NfsServer)
            return Support.No($"exportfs or rpc.nfsd is missing on {server.Host}: install nfs-kernel-server there");
        if (combination.HostsWithout(host => host.NfsClient) is { } noTools)
            return Support.No($"mount.nfs4 is missing on {noTools}: install nfs-common there");
        return Support.Yes;
    }

    public async Task MountAsync(IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        server = hosts[0];
        await server.MakeDirectoryAsync(NfsCommands.Export, ct);
        serverMayHaveStarted = true; // from here a failure may have started part of it; StopServer reads its own record
        var start = await server.RunCheckedAsync(NfsCommands.StartServer(), ct);
        if (start.StandardOutput.Contains("started", StringComparison.Ordinal))
            log.Info($"nfs: started the kernel NFS server on {server.Name} (stopped again at the end)");
        foreach (var host in hosts)
        {
            exportedTo.Add(host.Ssh.Address);
            await server.RunCheckedAsync(NfsCommands.ExportTo(host.Ssh.Address), ct);
        }
        foreach (var host in hosts)
        {
            if (await SharedMount.EnsureMountPointAsync(host, ct)) madeMountPoint.Add(host);
            await MountOnAsync(host, server.Ssh.Address, ct);
        }
        var version = (await server.RunAsync(NfsCommands.MountedVersion(), ct)).StandardOutput.Trim();
        log.Info($"nfs: {NfsCommands.ExportsLine(exportedTo)} mounted with NFS {version} at {HostPaths.SharedMount} on {string.Join(" and ", hosts)}");
    }

    /// <summary>Tries the versions best first and keeps the first that mounts; if none does, says why for each.</summary>
    private async Task MountOnAsync(IHost host, string serverAddress, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var version in NfsCommands.Versions)
        {
            var result = await host.RunAsync(NfsCommands.Mount(serverAddress, version), ct);
            if (result.Succeeded)
            {
                mounted.Add(host);
                return;
            }
            errors.Add($"vers={version}: {result.StandardError.Trim()}");
        }
        throw new InvalidOperationException(
            $"{host.Name} cannot mount {NfsCommands.Source(serverAddress)} over NFS ({string.Join("; ", errors)})");
    }

    /// <summary>Mounts first (the serving host's own last), then the exports, then the server if this run started it, then the directories.</summary>
    public async Task UnmountAsync()
    {
        var failures = new List<string>();
        async Task Try(IHost host, Command command, string what)
        {
            var result = await host.RunAsync(command);
            if (!result.Succeeded) failures.Add($"{what} on {host.Name}: {result.StandardError.Trim()}");
        }

        foreach (var host in Enumerable.Reverse(mounted)) await Try(host, NfsCommands.Unmount(), "unmounting NFS");
        mounted.Clear();
        foreach (var host in madeMountPoint) await Try(host, Command.Of("rmdir", HostPaths.SharedMount), "removing the mount point");
        madeMountPoint.Clear();
        if (server is not null)
        {
            foreach (var client in exportedTo) await Try(server, NfsCommands.Unexport(client), $"unexporting to {client}");
            exportedTo.Clear();
            if (serverMayHaveStarted)
            {
                var stop = await server.RunAsync(NfsCommands.StopServer());
                if (!stop.Succeeded) failures.Add($"stopping the NFS server on {server.Name}: {stop.StandardError.Trim()}");
                else if (stop.StandardOutput.Trim() is { Length: > 0 } stopped)
                    log.Info($"nfs: on {server.Name}: {stopped.ReplaceLineEndings(", ")}");
            }
            // Images in the export are the only state left of a workload (interrupted or lost): kept.
            if (!await SharedMount.HoldsImagesAsync(server, NfsCommands.Export))
                await Try(server, Command.Of("rm", "-rf", "--one-file-system", NfsCommands.Export), "removing the export");
        }
        server = null;
        serverMayHaveStarted = false;
        if (failures.Count > 0)
            throw new InvalidOperationException($"nfs: could not remove everything: {string.Join("; ", failures)}");
    }

    public async Task<IReadOnlyList<string>> RemoveLeftoversAsync(IHost host, CancellationToken ct) =>
    [
        .. await SharedMount.RunAsync(host, SharedMount.RemoveLeftoverMounts(), ct),
        .. await SharedMount.RunAsync(host, NfsCommands.RemoveLeftoverExports(), ct),
        .. await SharedMount.RunAsync(host, NfsCommands.StopServer(), ct),
        .. await SharedMount.RunAsync(host, SharedMount.RemoveLeftoverDirectory(NfsCommands.Export), ct),
    ];
}
