using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Preflight;
using CriuBench.Workloads;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>
/// sshfs served by the first host's sshd (its sftp server): works wherever ssh does, also on a
/// kernel without NFS such as the netns lab's. The serving host mounts its export by bind, as an
/// NFS server reaches its own export locally; the others mount it with sshfs.
/// </summary>
public sealed class SshfsSharedFilesystem : ISharedFilesystem
{
    internal const string Export = HostPaths.Disk + "/export";
    private readonly List<IHost> mounted = [];
    private readonly List<IHost> madeMountPoint = [];
    private IHost? server;

    public string Name => "sshfs";

    public Support Supports(Combination combination) => Check(combination);

    /// <summary>As <see cref="Supports"/>, without an instance: asked for the strategy when the suite loads.</summary>
    public static Support Check(Combination combination) =>
        combination.Hosts.Skip(1).Where(host => !host.Sshfs).Select(host => host.Host).ToList() is { Count: > 0 } lacking
            ? Support.No($"sshfs cannot mount on {string.Join(" and ", lacking)} (the sshfs program or /dev/fuse is missing): install sshfs there")
            : Support.Yes;

    public async Task MountAsync(IReadOnlyList<IHost> hosts, CancellationToken ct)
    {
        server = hosts[0];
        await server.MakeDirectoryAsync(Export, ct);
        foreach (var host in hosts)
            if (await SharedMount.EnsureMountPointAsync(host, ct)) madeMountPoint.Add(host);
        await server.RunCheckedAsync(Command.Of("mount", "--bind", Export, HostPaths.SharedMount), ct);
        mounted.Add(server);
        foreach (var client in hosts.Skip(1))
        {
            await client.RunCheckedAsync(Mount(server.Ssh), ct);
            mounted.Add(client);
        }
    }

    /// <summary>dir_cache=no: a directory listing must show what the other host wrote a moment ago.</summary>
    internal static Command Mount(SshAccess server) =>
        Command.Of("sshfs", [.. server.SshfsOptions, "-o", "dir_cache=no", $"{server.Target}:{Export}", HostPaths.SharedMount]);

    public async Task UnmountAsync()
    {
        // Clients first: the server's export must outlive the mounts that point at it.
        foreach (var host in Enumerable.Reverse(mounted))
            await host.RunAsync(Command.Of("umount", "--lazy", HostPaths.SharedMount));
        mounted.Clear();
        foreach (var host in madeMountPoint) await host.RunAsync(Command.Of("rmdir", HostPaths.SharedMount));
        madeMountPoint.Clear();
        // Images in the export are the only state left of a workload (a migration interrupted or
        // lost): the export stays, and the host's teardown keeps it (the netns lab moves it to a rescue).
        if (server is not null && !await SharedMount.HoldsImagesAsync(server, Export)) await server.RemoveAsync(Export);
        server = null;
    }

    public async Task<IReadOnlyList<string>> RemoveLeftoversAsync(IHost host, CancellationToken ct) =>
    [
        .. await SharedMount.RunAsync(host, SharedMount.RemoveLeftoverMounts(), ct),
        .. await SharedMount.RunAsync(host, SharedMount.RemoveLeftoverDirectory(Export), ct),
    ];
}
