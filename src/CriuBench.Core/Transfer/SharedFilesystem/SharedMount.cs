using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>What every shared filesystem does with the mount point itself.</summary>
internal static class SharedMount
{
    /// <summary>
    /// workloads/host/shared-mount.sh: mounts are read from the mount table, never by touching the
    /// path (a FUSE or NFS mount whose server is gone fails every stat).
    /// </summary>
    internal static Command Run(string action, string path) => HostAssets.Script("shared-mount.sh", action, path);

    /// <summary>
    /// Makes the mount point where the host lacks it (a machine of the user's, a VM); true when it
    /// made it, so the filesystem removes it again when it unmounts.
    /// </summary>
    public static async Task<bool> EnsureMountPointAsync(IHost host, CancellationToken ct)
    {
        var made = await host.RunCheckedAsync(Command.Of("bash", "-c", """[ -d "$1" ] || { mkdir -p "$1" && echo made; }""", "mount-point", HostPaths.SharedMount), ct);
        return made.StandardOutput.Contains("made", StringComparison.Ordinal);
    }

    /// <summary>The mounts at the shared mount point, one "FSTYPE SOURCE" line each (empty: nothing mounted).</summary>
    public static Command List() =>
        Run("list", HostPaths.SharedMount);

    /// <summary>
    /// Unmounts whatever a crashed run left at the shared mount point (mounts may be stacked, and
    /// a server that is gone must not hang the unmount: lazy), printing each one it removed.
    /// </summary>
    public static Command RemoveLeftoverMounts() => Run("remove-leftovers", HostPaths.SharedMount).WithTimeout(TimeSpan.FromSeconds(60));

    /// <summary>Removes a directory the filesystem made, saying so if it existed.</summary>
    public static Command RemoveLeftoverDirectory(string directory) => Run("remove-directory", directory);

    /// <summary>
    /// Whether <paramref name="directory"/> on the host holds CRIU images: then they are the only
    /// state left of a workload (a migration interrupted or lost), and a clean-up must keep them for
    /// the host's teardown (the netns lab moves them to a rescue). A failed look keeps them too.
    /// </summary>
    public static async Task<bool> HoldsImagesAsync(IHost host, string directory)
    {
        var found = await host.RunAsync(Command.Of("find", directory, "-name", "*.img", "-print", "-quit"));
        if (found.Succeeded) return found.StandardOutput.Trim().Length > 0;
        return !found.StandardError.Contains("No such file", StringComparison.Ordinal);
    }

    /// <summary>Runs a leftover command and returns the lines it printed, one per thing removed.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IHost host, Command command, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(command, ct);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
