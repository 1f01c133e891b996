using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// The busybox counter's Podman image: the same rootfs the runc and Docker counters use, as a
/// docker-archive built on the controller with fixed bytes (workloads/build-podman-image.sh), so
/// that every host that loads it has the same image ID, which `podman container restore --import`
/// looks the checkpoint's image up by. No registry is involved.
/// </summary>
public static class PodmanImage
{
    public const string Cache = "/var/cache/criubench/podman-busybox-image";

    /// <summary>Builds the rootfs and the image archive on the controller if needed; returns the archive directory.</summary>
    public static async Task<string> BuildAsync(CancellationToken ct)
    {
        (await ProcessRunner.Instance.RunAsync(BusyboxRootfs.Build(), ct)).EnsureSuccess();
        (await ProcessRunner.Instance.RunAsync(Command.Of(WorkloadAssets.File("build-podman-image.sh"), BusyboxRootfs.Cache, Cache, PodmanCommands.Image), ct)).EnsureSuccess();
        return Cache;
    }

    /// <summary>The image `podman load` says it loaded ("Loaded image: NAME", or "Loaded image(s): ID" for an untagged one).</summary>
    public static string? LoadedName(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || !line.StartsWith("Loaded image", StringComparison.Ordinal)) continue;
            var names = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length > 0) return names[0];
        }
        return null;
    }
}
