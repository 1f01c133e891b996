using CriuBench.Execution;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Removes what runs left on a host the controller does not own (an SSH machine, a VM): processes
/// working in CriuBench's directory, containers in the host's cgroup subtree, mounts below the
/// directory or on the shared mount point, then the directory's contents. Only this host's mount
/// namespace counts: another namespace's "/var/lib/criubench/host" (e.g. a netns lab's host on the
/// same machine) is someone else's.
/// </summary>
public static class HostCleanup
{
    /// <summary>workloads/host/cleanup.sh, sent on standard input: it runs before the assets are installed, and removes them.</summary>
    public static Command For(IHost host) =>
        HostAssets.ScriptPiped("cleanup.sh", HostPaths.Disk, HostPaths.SharedMount, HostCgroups.Top, host.Identity)
            .WithTimeout(TimeSpan.FromMinutes(1));
}
