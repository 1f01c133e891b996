using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The containers' root filesystem: Debian's busybox-static and a symlink per applet, no image
/// registry involved. Built once on the controller into a cache (workloads/build-busybox-rootfs.sh),
/// then streamed onto each host's own disk (a tar stream, as to any remote machine), so every host
/// has its own identical copy and needs no busybox of its own.
/// </summary>
public static class BusyboxRootfs
{
    public const string Cache = "/var/cache/criubench/busybox-rootfs";

    /// <summary>The host's own copy, on its disk.</summary>
    public const string OnHost = HostPaths.Disk + "/containers/busybox-rootfs";

    /// <summary>Builds the cache on the controller; a no-op when it already holds this busybox.</summary>
    public static Command Build() => Command.Of(WorkloadAssets.File("build-busybox-rootfs.sh"), Cache);

    /// <summary>Builds the controller's cache if needed and (re)places the host's copy; returns its path on the host.</summary>
    public static async Task<string> InstallAsync(IHost host, CancellationToken ct)
    {
        (await ProcessRunner.Instance.RunAsync(Build(), ct)).EnsureSuccess();
        var archive = await ControllerTar.CreateAsync(Cache, ["."], ct);
        await host.RemoveAsync(OnHost, ct);
        await host.ExtractTarAsync(archive, OnHost, ct);
        return OnHost;
    }

    public static Task RemoveAsync(IHost host, CancellationToken ct) => host.RemoveAsync(Path.GetDirectoryName(OnHost)!, ct);
}
