using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// One persistent mount namespace per host, kept alive by a bind mount of its nsfs file, in
/// which the host's own disk directory is mounted over <see cref="HostPaths.Disk"/> and /run is a
/// tmpfs, so CRIU keeps its kernel-feature cache between commands (workloads/host-mounts.sh says why).
/// </summary>
internal static class HostMountNamespaces
{
    public static IEnumerable<Command> Create(LabLayout layout)
    {
        // Namespace files may only be bind-mounted on a private mount: make the run directory one.
        yield return Command.Of("mount", "--bind", layout.RunDirectory, layout.RunDirectory);
        yield return Command.Of("mount", "--make-private", layout.RunDirectory);
        foreach (var host in LabLayout.AllHostNames)
        {
            yield return Command.Of("touch", layout.MountNamespaceFile(host));
            yield return Command.Of("unshare", $"--mount={layout.MountNamespaceFile(host)}", "--propagation", "private",
                WorkloadAssets.File("host-mounts.sh"), layout.DiskOf(host), HostPaths.Disk);
        }
    }

    public static IEnumerable<Command> Delete(LabLayout layout) =>
        LabLayout.AllHostNames.Select(host => Command.Of("umount", "--lazy", layout.MountNamespaceFile(host)))
            .Append(Command.Of("umount", "--lazy", layout.RunDirectory));
}
