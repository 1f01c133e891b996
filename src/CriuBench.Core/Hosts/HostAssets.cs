using CriuBench.Execution;
using CriuBench.Workloads;

namespace CriuBench.Hosts;

/// <summary>
/// Puts the workloads' programs and scripts on a host, below <see cref="HostPaths.Assets"/>, when
/// its host set comes up: nothing on a host may rely on the controller's repository being there.
/// Every host gets the same bytes at the same path, because CRIU restores a process only where
/// its executable (and every file it maps) is identical.
/// </summary>
public static class HostAssets
{
    /// <summary>What a host needs, relative to the repository's workloads/ directory.</summary>
    public static readonly IReadOnlyList<string> Files = ["launch.sh", "counter.sh", "docker-runc.sh", "bin/ticker"];

    public static string Launcher => On("launch.sh");

    /// <summary>The path on every host of <paramref name="relativePath"/> (as in workloads/).</summary>
    public static string On(string relativePath) => $"{HostPaths.Assets}/{relativePath}";

    /// <summary>Copies <see cref="Files"/> onto every host in one tar stream each.</summary>
    public static async Task InstallAsync(IEnumerable<IHost> hosts, CancellationToken ct)
    {
        foreach (var file in Files) WorkloadAssets.File(file); // a missing one says to run setup.sh
        var archive = await ControllerTar.CreateAsync(WorkloadAssets.Directory, Files, ct);
        foreach (var host in hosts)
        {
            await host.RemoveAsync(HostPaths.Assets, ct);
            await host.ExtractTarAsync(archive, HostPaths.Assets, ct);
        }
    }
}
