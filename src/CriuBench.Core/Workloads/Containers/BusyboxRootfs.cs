using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The containers' root filesystem: Debian's busybox-static and a symlink per applet, no image
/// registry involved. Built once per machine into a cache (workloads/build-busybox-rootfs.sh),
/// then copied onto each host's own disk, so every host has its own copy as separate machines would.
/// </summary>
public static class BusyboxRootfs
{
    public const string Cache = "/var/cache/criubench/busybox-rootfs";

    /// <summary>The host's own copy, on its disk.</summary>
    public const string OnHost = HostPaths.Disk + "/containers/busybox-rootfs";

    public static Command Build() => Command.Of(WorkloadAssets.File("build-busybox-rootfs.sh"), Cache);

    /// <summary>Builds the cache if needed and (re)places the host's copy; returns its path on the host.</summary>
    public static async Task<string> InstallAsync(IHost host, CancellationToken ct)
    {
        await host.RunCheckedAsync(Build(), ct);
        await host.RemoveAsync(OnHost, ct);
        await host.MakeDirectoryAsync(Path.GetDirectoryName(OnHost)!, ct);
        await host.RunCheckedAsync(Command.Of("cp", "-a", Cache, OnHost), ct);
        return OnHost;
    }

    public static Task RemoveAsync(IHost host, CancellationToken ct) => host.RemoveAsync(Path.GetDirectoryName(OnHost)!, ct);
}
